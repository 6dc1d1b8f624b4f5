namespace Reservations.Application.Holds;

public interface IHoldExpiry
{
    /// <summary>How many shards the gate's state is split into: <see cref="ExpireDueAsync"/> takes 0 to Shards − 1.</summary>
    int Shards { get; }

    /// <summary>Expires every overdue hold of the shard in bounded batches, answering how late each was given back. A
    /// due hold that cannot be (its value unreadable, its product without the stock to take it) goes to the shard's
    /// quarantine stream instead. Idempotent: several Workers may run it at once.</summary>
    Task<ShardExpiry> ExpireDueAsync(int shard, CancellationToken cancellationToken);
}
