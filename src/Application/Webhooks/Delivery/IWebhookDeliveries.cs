namespace Reservations.Application.Webhooks.Delivery;

public interface IWebhookDeliveries
{
    /// <summary>Gives up to <paramref name="limit"/> events not yet fanned out one delivery per enabled endpoint
    /// subscribed to their type, due now and retried until <paramref name="retryWindow"/> after the event. Safe to
    /// repeat and to run on several Workers. The number of events handled.</summary>
    Task<int> FanOutAsync(int limit, TimeSpan retryWindow, CancellationToken cancellationToken);

    /// <summary>Enabled endpoints with deliveries due now that no live lease holds.</summary>
    Task<IReadOnlyList<Guid>> EndpointsWithDueDeliveriesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="limit"/> of the endpoint's due deliveries for <paramref name="lease"/>
    /// (skipping those another Worker is claiming). A lease that runs out makes the delivery due again.</summary>
    Task<IReadOnlyList<DueDelivery>> ClaimAsync(Guid endpointId, int limit, TimeSpan lease, CancellationToken cancellationToken);

    Task RecordDeliveredAsync(DueDelivery delivery, int statusCode, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and schedules the next one after <paramref name="retryDelay"/>; when that
    /// would fall past the delivery's retry window, fails it for good and disables its endpoint (failing the endpoint's
    /// other pending deliveries). True when it gave up.</summary>
    Task<bool> RecordFailedAsync(
        DueDelivery delivery, int? statusCode, string error, TimeSpan retryDelay, CancellationToken cancellationToken);

    /// <summary>Removes up to <paramref name="limit"/> settled (delivered or failed) deliveries made longer than
    /// <paramref name="keep"/> ago, and up to as many fanned-out events that old with no delivery left; how many rows
    /// went. Pending deliveries and their events always stay.</summary>
    Task<int> PruneAsync(TimeSpan keep, int limit, CancellationToken cancellationToken);
}
