using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reservations.WebApi.OpenApi;

/// <summary>
/// Instants are RFC 3339 strings. The API's own converter (InstantWithOffsetConverter) hides their type from the schema
/// generator, which wrote a format without a type, or an empty schema for a request's optional instant: a client
/// generated from the document then took a sale's opening for an untyped value.
/// </summary>
internal sealed class InstantSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>The longest instant System.Text.Json reads: "2026-12-07T10:00:00" with 16 fractional digits and "+hh:mm".</summary>
    private const int MaxLength = 42;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
            schema.MaxLength ??= MaxLength;
        }

        return Task.CompletedTask;
    }
}
