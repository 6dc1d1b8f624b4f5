using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reservations.Load.Sale;

/// <summary>
/// Signs tokens as the API's identity provider does (HS256; issuer, audience, <c>sub</c>, one <c>role</c> claim per
/// role), so a sale needs no <c>/api/dev/tokens</c>, which only Development serves.
/// </summary>
public sealed class LocalTokenSigner(string signingKey, string issuer, string audience) : ITokenSource
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials =
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256);

    public Task<string> TokenAsync(string subject, params string[] roles) => Task.FromResult(Sign(subject, roles));

    public string Sign(string subject, IEnumerable<string> roles)
    {
        var now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), .. roles.Select(role => new Claim("role", role))]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = _credentials,
        });
    }
}
