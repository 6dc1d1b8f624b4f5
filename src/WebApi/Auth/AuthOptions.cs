namespace Reservations.WebApi.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string Issuer = "reservations";
    public const string Audience = "reservations-api";
    public const int MinKeyBytes = 32;

    /// <summary>The HS256 key; outside Development it must be set, at least 32 bytes, and not the development key.</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>Serves <c>POST /api/dev/tokens</c>; allowed in Development only.</summary>
    public bool DevTokens { get; set; }

    /// <summary>Valid tokens remembered until they expire, so that a customer's next calls skip the validation (0: none).</summary>
    public int ValidatedTokens { get; set; } = 10_000;
}
