namespace Reservations.Application.Webhooks.DrainGateEvents;

/// <summary>The webhook events the gate's scripts appended to each shard's outbox (a Redis stream per shard, read
/// through one consumer group) in the same step as the change. An entry stays until it is acknowledged, so a Worker
/// that dies mid-way loses nothing: its entries are read again.</summary>
public interface IGateEventOutbox
{
    /// <summary>How many outboxes (one per shard) there are; each is read on its own.</summary>
    int Shards { get; }

    /// <summary>Up to <paramref name="max"/> events of one shard: first those this consumer read before and has not
    /// acknowledged, then new ones, then ones another consumer left unacknowledged for longer than the reclaim time. An
    /// entry that cannot be read is moved to the shard's quarantine stream instead, so it never holds up the others.
    /// One caller at a time per shard.</summary>
    Task<IReadOnlyList<GateEvent>> ReadAsync(int shard, int max, CancellationToken cancellationToken);

    /// <summary>The events are in the webhook outbox: they leave the shard's outbox for good.</summary>
    Task AcknowledgeAsync(int shard, IReadOnlyList<GateEvent> events, CancellationToken cancellationToken);
}
