using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Reservations.Domain.Customers;
using Reservations.WebApi.Auth;

namespace Reservations.WebApi.OpenApi;

/// <summary>
/// Declares the bearer scheme with the rules a token must meet (AuthenticationSetup), marks the operations that need a
/// token, so Scalar can send one; and the Stripe webhook's signature, its only credential.
/// </summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string SchemeName = "Bearer";
    private const string StripeSchemeName = "StripeSignature";

    private static readonly string BearerDescription =
        "A JWS-signed JWT (RFC 7519), validated as RFC 8725 (RFC8725, JWT Best Current Practices) asks: the algorithm is "
        + "HS256 only (`alg` none and every other algorithm are refused, the key is never taken from the token); `iss` must "
        + $"be `{AuthOptions.Issuer}` and `aud` `{AuthOptions.Audience}`; `exp` is required and, with `nbf`, checked with 30 s "
        + $"of clock skew. `{Policies.SubjectClaim}` is the customer id (1–{CustomerId.MaxLength} characters, no control "
        + $"characters; a token without a valid one is refused). The `{Policies.RoleClaim}` claim carries roles: "
        + $"`{Policies.Admin}` for the admin routes (their descriptions say \"Admin only\"), `{Policies.Payments}` for "
        + "a payment service that may buy any customer's hold. A refused token is 401 `unauthorized`, a missing role 403 "
        + "`forbidden`.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = BearerDescription,
        };
        document.Components.SecuritySchemes[StripeSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Stripe-Signature",
            Description = "Stripe's HMAC-SHA256 signature of the webhook's body and timestamp, made with the endpoint's "
                + "signing secret (Payments:Stripe:WebhookSecret); refused when it does not match or is over 5 minutes old.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Require(operation, new OpenApiSecuritySchemeReference(SchemeName, context.Document));
        }
        else if (metadata.OfType<StripeSignedAttribute>().Any())
        {
            Require(operation, new OpenApiSecuritySchemeReference(StripeSchemeName, context.Document));
        }

        return Task.CompletedTask;
    }

    private static void Require(OpenApiOperation operation, OpenApiSecuritySchemeReference scheme)
    {
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [scheme] = [] });
    }
}
