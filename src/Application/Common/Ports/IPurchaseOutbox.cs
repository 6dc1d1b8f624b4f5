namespace Reservations.Application.Common.Ports;

/// <summary>The purchases the gate acknowledged, on their way to PostgreSQL (Redis streams with a consumer group). An
/// entry stays until it is completed or dead-lettered, so a Worker that dies mid-way loses nothing.</summary>
public interface IPurchaseOutbox
{
    int Shards { get; }

    /// <summary>Up to <paramref name="max"/> entries of one shard: first those this consumer read before and has not
    /// finished (a batch cut short by a failure is retried at once), then new ones, else ones another consumer left
    /// unacknowledged for longer than the reclaim time. One caller at a time per shard.</summary>
    Task<IReadOnlyList<PendingPurchase>> ReadAsync(int shard, int max, CancellationToken cancellationToken);

    /// <summary>Completes the holds and acknowledges the entries, all of one shard's queue, at once.</summary>
    Task CompleteAsync(IReadOnlyList<PendingPurchase> purchases, CancellationToken cancellationToken);

    /// <summary>PostgreSQL refused the purchase for good: keep it with the reason, visible to admins. False when it was
    /// not moved because another Worker, holding the same entry, persisted it (its hold is completed) or dead-lettered
    /// it already; the entry is acknowledged either way.</summary>
    Task<bool> DeadLetterAsync(PendingPurchase purchase, string reason, CancellationToken cancellationToken);

    /// <summary>Those delivered <c>Redis:MaxDeliveries</c> times or more by any consumer, with the count: a failure
    /// that is not a passing outage and repeats that often is the purchase's own.</summary>
    Task<IReadOnlyList<(PendingPurchase Purchase, long Deliveries)>> ExhaustedAsync(
        int shard, IReadOnlyList<PendingPurchase> purchases, CancellationToken cancellationToken);

    /// <summary>The entries of one shard's queue not yet completed or dead-lettered (read or not): its backlog.</summary>
    Task<long> CountWaitingAsync(int shard, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>Puts the dead-lettered purchase of this hold back in the queue; false when there is none.</summary>
    Task<bool> RetryDeadLetterAsync(Guid holdId, CancellationToken cancellationToken);
}
