using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reservations.WebApi.OpenApi;

/// <summary>The operation id is the camelCased name of the route's handler method (<c>ReserveItem</c>: <c>reserveItem</c>).</summary>
internal sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault() is { } handler)
        {
            operation.OperationId ??= JsonNamingPolicy.CamelCase.ConvertName(handler.Name);
        }

        return Task.CompletedTask;
    }
}
