using System.Security.Claims;

namespace Reservations.WebApi.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The customer id: the token's <c>sub</c>, validated when the token was.</summary>
    public static string CustomerId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Policies.SubjectClaim) ?? throw new InvalidOperationException("An authenticated user has no sub.");
}
