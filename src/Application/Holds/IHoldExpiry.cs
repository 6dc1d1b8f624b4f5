namespace Reservations.Application.Holds;

public interface IHoldExpiry
{
    /// <summary>How many shards the gate's state is split into: <see cref="ExpireDueAsync"/> takes 0 to Shards − 1.</summary>
    int Shards { get; }

    /// <summary>Expires every overdue hold of one shard, in bounded batches: for each hold this call gave the stock
    /// back, how long after its deadline that was. A due hold that cannot be given back (its value unreadable, its
    /// product without the stock to take it) is moved to the shard's quarantine stream instead, and the rest expire.
    /// Idempotent, so several Workers may run it at once.</summary>
    Task<ShardExpiry> ExpireDueAsync(int shard, CancellationToken cancellationToken);
}
