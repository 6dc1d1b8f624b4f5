namespace Reservations.Application.Webhooks.Delivery;

public interface IWebhookDeliveries
{
    /// <summary>One delivery per enabled endpoint subscribed to the event's type, retried until <paramref name="retryWindow"/>
    /// after the event. Safe to repeat and to run on several Workers; answers how many events it handled.</summary>
    Task<int> FanOutAsync(int limit, TimeSpan retryWindow, CancellationToken cancellationToken);

    /// <summary>Enabled endpoints with deliveries due now that no live lease holds.</summary>
    Task<IReadOnlyList<Guid>> EndpointsWithDueDeliveriesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="limit"/> of the endpoint's due deliveries for <paramref name="lease"/>
    /// (skipping those another Worker is claiming). A lease that runs out makes the delivery due again.</summary>
    Task<IReadOnlyList<DueDelivery>> ClaimAsync(Guid endpointId, int limit, TimeSpan lease, CancellationToken cancellationToken);

    Task RecordDeliveredAsync(DueDelivery delivery, int statusCode, CancellationToken cancellationToken);

    /// <summary>Schedules the next attempt after the delay; when that falls past the retry window, fails the delivery
    /// for good and disables its endpoint (failing its other pending deliveries). True when it gave up.</summary>
    Task<bool> RecordFailedAsync(
        DueDelivery delivery, int? statusCode, string error, TimeSpan retryDelay, CancellationToken cancellationToken);

    /// <summary>Settled deliveries older than <paramref name="keep"/>, and as many fanned-out events that old with none
    /// left; answers how many rows went. Pending deliveries and their events stay.</summary>
    Task<int> PruneAsync(TimeSpan keep, int limit, CancellationToken cancellationToken);
}
