using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Reservations.WebApi.Problems;

/// <summary>
/// What is wrong with a body System.Text.Json refused, in the client's terms. Its messages name our CLR types and may be
/// translated, so the answer comes from the exception's shape: what it wraps, which of the serializer's checks threw it,
/// and its <see cref="JsonException.Path"/> into the body's type.
/// </summary>
internal static partial class JsonBodyErrors
{
    public const string NotJson = "The body is not valid JSON.";
    public const string WrongType = "The value is null or of the wrong type.";
    public const string Null = "The value must not be null.";
    public const string Repeated = "A property appears more than once.";
    public const string Missing = "Required properties are missing.";

    /// <param name="body">The type the body was read as, when the endpoint declares it.</param>
    public static string Describe(JsonException e, JsonTypeInfo? body) => e.InnerException switch
    {
        JsonException => NotJson,
        not null => WrongType,
        // The serializer's own checks throw from its named helpers; JsonBodyErrorsTests fail if an upgrade renames one.
        null => e.TargetSite?.Name switch
        {
            // The plain helper is what a built-in converter throws for a value it cannot read (a string that is no URI).
            "ThrowJsonException_DeserializeUnableToConvertValue" or "ThrowJsonException" => WrongType,
            "ThrowJsonException_ConstructorParameterDisallowNull" or "ThrowJsonException_PropertySetterDisallowNull" => Null,
            "ThrowJsonException_DuplicatePropertyNotAllowed" => Repeated,
            "ThrowJsonException_JsonRequiredPropertyMissing" => MissingFrom(At(body, e.Path)),
            _ => NotJson,
        },
    };

    // Which of them are missing only the message says: name them all.
    private static string MissingFrom(JsonTypeInfo? type) =>
        type?.Properties.Where(p => p.IsRequired).Select(p => $"'{p.Name}'").ToList() is [_, ..] names
            ? $"Required properties are missing; the required ones are {string.Join(", ", names)}."
            : Missing;

    // The type at a path of the body ("$", "$.items[0]"): property steps by their JSON names, index steps into elements.
    private static JsonTypeInfo? At(JsonTypeInfo? type, string? path)
    {
        foreach (Match step in Steps().Matches(path ?? "$"))
        {
            var next = step.Groups["index"].Success
                ? type?.ElementType
                : type?.Properties.FirstOrDefault(p => string.Equals(p.Name, step.Groups["name"].Value, NameComparison(type.Options)))?.PropertyType;
            type = next is null ? null : type!.Options.GetTypeInfo(Nullable.GetUnderlyingType(next) ?? next);
        }

        return type;
    }

    // The path keeps the client's spelling, which matches a property in any case when the options allow it.
    private static StringComparison NameComparison(JsonSerializerOptions options) =>
        options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Steps();
}
