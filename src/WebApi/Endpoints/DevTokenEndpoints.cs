using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Domain.Customers;
using Reservations.WebApi.Auth;

namespace Reservations.WebApi.Endpoints;

/// <summary>Mints tokens for trying the API locally. Mapped only when <c>Auth:DevTokens</c> is true (Development).</summary>
public static class DevTokenEndpoints
{
    private const int MaxRoles = 8;
    private const int MaxRoleLength = 32;

    public sealed record DevTokenRequest(string Subject, IReadOnlyList<string>? Roles = null);

    public sealed record DevTokenResponse(string Token);

    public static RouteGroupBuilder MapDevTokens(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev").WithTags("Development").DisableRateLimiting();
        group.MapPost("/tokens", CreateDevToken).ExcludeFromDescription();
        return group;
    }

    public static Results<Ok<DevTokenResponse>, ValidationProblem> CreateDevToken(DevTokenRequest request, DevTokenIssuer issuer)
    {
        var roles = request.Roles ?? [];
        var errors = new Dictionary<string, string[]>();
        if (!CustomerId.IsValid(request.Subject))
        {
            errors["subject"] = [$"Subject must be 1–{CustomerId.MaxLength} characters without control characters."];
        }

        if (roles.Count > MaxRoles || roles.Any(r => r is not { Length: > 0 and <= MaxRoleLength } || r.Any(char.IsControl)))
        {
            errors["roles"] = [$"At most {MaxRoles} roles of 1–{MaxRoleLength} characters."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(new DevTokenResponse(issuer.Issue(request.Subject, roles)));
    }
}
