namespace Reservations.Application.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Lets endpoints on loopback (http too), private and link-local addresses be registered and called. Development
    /// only: elsewhere anyone with the admin role could make the servers call into the internal network.</summary>
    public bool AllowLocalTargets { get; set; }

    /// <summary>How long after its event a delivery is retried before it fails for good and its endpoint is disabled.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);
}
