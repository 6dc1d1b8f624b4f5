using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Reservations.WebApi.Problems;

namespace Reservations.WebApi.OpenApi;

/// <summary>The document's info, and the problem schemas that every error response refers to.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    private const string Description =
        "Holds and sells limited stock in flash sales: customers reserve units of a product (or a cart) for a few minutes, "
        + "then buy or release them; admins manage products, stock, webhooks and dead letters.\n\n"
        + "Every error is an RFC 9457 problem (`application/problem+json`) whose `type` is "
        + "`" + ProblemCodes.TypePrefix + "<code>`; `GET /problems/<code>` on this host explains each one and what to do. "
        + "Authentication is a bearer JWT (see the `Bearer` scheme). Calls are rate limited per caller (429 with "
        + "`Retry-After`), and an overloaded instance sheds requests (503 with `Retry-After`).";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Reservations API",
            Version = document.Info?.Version ?? "1.0.0",
            Description = Description,
            Contact = new OpenApiContact { Name = "Reservations maintainers" },
            License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
        };
        // Paths resolve against the document's own address, which is right behind any proxy; the address a request
        // reached this process by is not (an internal http://host:port behind TLS).
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "The host that serves this document: local development, staging or production alike.",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(false) },
            },
        ];

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        await AddSchemaAsync(document, context, ProblemResponsesTransformer.ProblemSchema, typeof(ProblemDetails), cancellationToken);
        await AddSchemaAsync(document, context, ProblemResponsesTransformer.ValidationProblemSchema, typeof(HttpValidationProblemDetails), cancellationToken);
    }

    private static async Task AddSchemaAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, string name, Type type, CancellationToken cancellationToken)
    {
        if (!document.Components!.Schemas!.ContainsKey(name))
        {
            document.AddComponent(name, await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken));
        }
    }
}
