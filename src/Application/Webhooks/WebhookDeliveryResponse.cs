namespace Reservations.Application.Webhooks;

/// <summary>One event's delivery to one endpoint; <c>NextAttemptAt</c> is set while it is pending.</summary>
public sealed record WebhookDeliveryResponse(
    Guid Id, Guid EventId, string EventType, WebhookDeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt);
