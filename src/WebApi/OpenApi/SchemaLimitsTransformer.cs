using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reservations.WebApi.OpenApi;

internal sealed class SchemaLimitsTransformer : IOpenApiSchemaTransformer
{
    private const int UuidLength = 36;
    private const int MaxErrorsPerField = 10;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var property = context.JsonPropertyInfo;
        var name = property?.Name ?? context.ParameterDescription?.Name;
        if (name is not null && SchemaLimits.Of(name, property?.DeclaringType) is { } limit)
        {
            SchemaLimits.Apply(schema, limit);
        }

        if (schema.Format == "uuid")
        {
            schema.MaxLength ??= UuidLength;
        }

        if (property is not null && (schema.Type ?? 0).HasFlag(JsonSchemaType.Array))
        {
            schema.MaxItems ??= SchemaLimits.MaxItems(name, property.DeclaringType);
            if (name == "events" && schema.Items is OpenApiSchema eventType)
            {
                SchemaLimits.Apply(eventType, SchemaLimits.Of("eventType")!);
            }
        }

        if (name == "errors" && schema.AdditionalProperties is OpenApiSchema { Items: OpenApiSchema message } messages)
        {
            messages.MaxItems ??= MaxErrorsPerField;
            message.MaxLength ??= SchemaLimits.ProblemTextMaxLength;
        }

        if (property is null && context.JsonTypeInfo.Type.IsAssignableTo(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The W3C trace id of the request, for the operator's logs and traces.",
                MaxLength = SchemaLimits.Of("traceId")!.MaxLength,
            };
        }

        return Task.CompletedTask;
    }
}
