using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Real JWTs signed with the development key from src/WebApi/appsettings.Development.json, and forged ones.</summary>
public static class Tokens
{
    public const string DevelopmentKey = "reservations-development-signing-key-not-for-production-use";
    public const string Issuer = "reservations";
    public const string Audience = "reservations-api";

    public static string Admin(string subject = "admin") => Create(subject, roles: ["admin"]);

    public static string Customer(string subject) => Create(subject);

    public static string Create(
        string? subject,
        string[]? roles = null,
        string key = DevelopmentKey,
        string algorithm = SecurityAlgorithms.HmacSha256,
        string issuer = Issuer,
        string audience = Audience,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim>();
        if (subject is not null)
        {
            claims.Add(new Claim("sub", subject));
        }

        claims.AddRange((roles ?? []).Select(r => new Claim("role", r)));
        var issuedAt = notBefore ?? now.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires ?? now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) claiming to be an admin.</summary>
    public static string WithoutSignature(string subject)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        return Encode("""{"alg":"none","typ":"JWT"}""") + "." +
            Encode($$"""{"sub":"{{subject}}","role":"admin","iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{exp}}}""") + ".";
    }
}
