namespace Reservations.Infrastructure.Persistence.Webhooks;

/// <summary>One event of the webhook outbox; <see cref="FannedOutAt"/> is set once its deliveries exist.</summary>
public sealed class WebhookEventRecord
{
    public Guid Id { get; set; }
    public string Type { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }

    public string Data { get; set; } = string.Empty;

    public DateTimeOffset? FannedOutAt { get; set; }
}
