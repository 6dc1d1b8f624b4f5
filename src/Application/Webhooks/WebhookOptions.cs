namespace Reservations.Application.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Lets endpoints on loopback (over http too), private and link-local addresses be registered and called.
    /// For Development only (its appsettings turn it on): elsewhere it would let anyone with the admin role make the
    /// servers call into the internal network.</summary>
    public bool AllowLocalTargets { get; set; }

    /// <summary>How long after its event a delivery is retried before it fails for good and its endpoint is disabled.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);
}
