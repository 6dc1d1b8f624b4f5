namespace Reservations.Application.Common.Ports;

/// <summary>
/// The purchases the gate acknowledged, on their way to PostgreSQL (Redis streams with a consumer group). An entry
/// stays until it is completed or dead-lettered, so a Worker that dies mid-way loses nothing.
/// </summary>
public interface IPurchaseOutbox
{
    /// <summary>
    /// Up to <paramref name="max"/> entries of each shard: new ones, else ones another consumer left unacknowledged for
    /// longer than the reclaim time.
    /// </summary>
    Task<IReadOnlyList<PendingPurchase>> ReadAsync(int max, CancellationToken cancellationToken);

    /// <summary>The purchase is in PostgreSQL: the hold becomes completed and the entry is acknowledged.</summary>
    Task CompleteAsync(PendingPurchase purchase, CancellationToken cancellationToken);

    /// <summary>PostgreSQL refused the purchase for good: keep it with the reason, visible to admins.</summary>
    Task DeadLetterAsync(PendingPurchase purchase, string reason, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>Puts the dead-lettered purchase of this reservation back in the queue; false when there is none.</summary>
    Task<bool> RetryDeadLetterAsync(Guid reservationId, CancellationToken cancellationToken);
}
