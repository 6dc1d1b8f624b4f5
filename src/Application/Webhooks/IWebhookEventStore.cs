namespace Reservations.Application.Webhooks;

/// <summary>The webhook outbox in PostgreSQL: events waiting to be delivered to the endpoints subscribed to their type.</summary>
public interface IWebhookEventStore
{
    /// <summary>Adds the events not there yet, keyed by id: safe to repeat.</summary>
    Task AppendAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken);

    Task<GateEventSubscriptions> SubscriptionsAsync(CancellationToken cancellationToken);
}
