using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Reservations.Application.Products.Edit;
using Reservations.WebApi.Json;

namespace Reservations.WebApi.Products;

/// <summary>
/// Reads a JSON merge patch (RFC 7396) of a product: an object whose members are the fields to change, null clearing a
/// nullable one. A member this API does not know, a duplicate or a value of the wrong JSON type is refused, field by
/// field, before anything runs: a patch that cannot be read whole changes nothing.
/// </summary>
internal static class ProductPatchReader
{
    public const string MediaType = "application/merge-patch+json";

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8, AllowDuplicateProperties = false };

    public static bool HasMergePatchContentType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The patch, or the problems found in it by field (<c>$</c> for the body as a whole).</summary>
    public static async Task<(ProductPatch? Patch, Dictionary<string, string[]> Errors)> ReadAsync(
        Stream body, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, Options, cancellationToken);
        }
        catch (JsonException)
        {
            errors["$"] = ["The body is not valid JSON, or a property appears more than once."];
            return (null, errors);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["$"] = ["A merge patch is a JSON object."];
                return (null, errors);
            }

            var patch = new ProductPatch();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                patch = Apply(patch, member, errors);
            }

            return errors.Count == 0 ? (patch, errors) : (null, errors);
        }
    }

    private static ProductPatch Apply(ProductPatch patch, JsonProperty member, Dictionary<string, string[]> errors)
    {
        var value = member.Value;
        switch (member.Name)
        {
            case "name" when Text(value, out var name): return patch with { Name = PatchValue<string?>.Of(name) };
            case "price" when Number(value, out decimal? price): return patch with { Price = PatchValue<decimal?>.Of(price) };
            case "maxPerCustomer" when Number(value, out int? limit): return patch with { MaxPerCustomer = PatchValue<int?>.Of(limit) };
            case "holdSeconds" when Number(value, out int? hold): return patch with { HoldSeconds = PatchValue<int?>.Of(hold) };
            case "maxHoldSeconds" when Number(value, out int? cap): return patch with { MaxHoldSeconds = PatchValue<int?>.Of(cap) };
            case "salesOpenAt" when Instant(value, out var opens): return patch with { SalesOpenAt = PatchValue<DateTimeOffset?>.Of(opens) };
            case "salesCloseAt" when Instant(value, out var closes): return patch with { SalesCloseAt = PatchValue<DateTimeOffset?>.Of(closes) };
            case "paused" when Flag(value, out var paused): return patch with { Paused = PatchValue<bool?>.Of(paused) };
            case "name" or "price" or "maxPerCustomer" or "holdSeconds" or "maxHoldSeconds" or "salesOpenAt" or "salesCloseAt" or "paused":
                errors[member.Name] = ["The value is of the wrong type."];
                return patch;
            case "saleId":
                errors[member.Name] = ["The sale id is set when the product is created and cannot change: create a product in the other sale."];
                return patch;
            default:
                errors[member.Name] = ["Not a field of a product that can be changed."];
                return patch;
        }
    }

    private static bool Text(JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return value.ValueKind is JsonValueKind.String or JsonValueKind.Null;
    }

    private static bool Number(JsonElement value, out decimal? number)
    {
        number = null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var parsed))
        {
            number = parsed;
        }

        return number is not null || value.ValueKind == JsonValueKind.Null;
    }

    private static bool Number(JsonElement value, out int? number)
    {
        number = null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var parsed))
        {
            number = parsed;
        }

        return number is not null || value.ValueKind == JsonValueKind.Null;
    }

    private static bool Instant(JsonElement value, out DateTimeOffset? instant)
    {
        instant = null;
        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var parsed)
            && InstantWithOffsetConverter.HasOffset(value.GetString()!))
        {
            instant = parsed;
        }

        return instant is not null || value.ValueKind == JsonValueKind.Null;
    }

    private static bool Flag(JsonElement value, out bool? flag)
    {
        flag = value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
        return flag is not null || value.ValueKind == JsonValueKind.Null;
    }
}
