namespace Reservations.Application.Webhooks;

/// <summary>One event of the webhook outbox. <paramref name="Id"/> is stable across retries (receivers deduplicate by
/// it); <paramref name="Data"/> is the JSON of the hold or order as the API returns it.</summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset CreatedAt, string Data);
