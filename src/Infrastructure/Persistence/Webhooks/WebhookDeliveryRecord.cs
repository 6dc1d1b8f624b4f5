using Reservations.Application.Webhooks;

namespace Reservations.Infrastructure.Persistence.Webhooks;

/// <summary>
/// One event on its way to one endpoint: its attempts, the last outcome, when it is due next, and the lease of the
/// Worker sending it now (expired: due again, so a Worker killed mid-delivery loses nothing).
/// </summary>
public sealed class WebhookDeliveryRecord
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Guid EndpointId { get; set; }
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>After this, a failed attempt fails the delivery for good (and disables the endpoint).</summary>
    public DateTimeOffset GiveUpAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public Guid? LeaseToken { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
