using System.Security.Cryptography;

namespace Reservations.Domain.Webhooks;

/// <summary>Disabled when its deliveries kept failing past the retry window; the reason stays visible to admins.</summary>
public sealed class WebhookEndpoint
{
    public const int UrlMaxLength = 2048;
    public const int DescriptionMaxLength = 200;
    public const int DisabledReasonMaxLength = 500;
    public const string SecretPrefix = "whsec_";
    private const int SecretBytes = 32;

    private WebhookEndpoint()
    {
        (Url, Events, Secret) = (string.Empty, [], string.Empty);
    }

    public WebhookEndpoint(string url, IReadOnlyList<string> events, string? description, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        (Id, Url, Events, Description, CreatedAt) = (Guid.CreateVersion7(createdAt), url, [.. events], description, createdAt);
        Secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));
    }

    public Guid Id { get; private set; }
    public string Url { get; private set; }
    public string[] Events { get; private set; }
    public string? Description { get; private set; }

    /// <summary><c>whsec_</c> and the base64 of 32 random bytes: the HMAC key the Standard Webhooks signature uses.</summary>
    public string Secret { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }
    public string? DisabledReason { get; private set; }
}
