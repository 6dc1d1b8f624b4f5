namespace Reservations.Application.Webhooks.DrainGateEvents;

/// <summary>Appended by the gate's scripts in the same step as the change (a Redis stream per shard, one consumer
/// group). An entry stays until acknowledged, so a Worker that dies mid-way loses nothing.</summary>
public interface IGateEventOutbox
{
    int Shards { get; }

    /// <summary>First those this consumer read and did not acknowledge, then new ones, then ones another consumer left
    /// longer than the reclaim time. An unreadable entry goes to the shard's quarantine stream instead of holding up
    /// the others. One caller at a time per shard.</summary>
    Task<IReadOnlyList<GateEvent>> ReadAsync(int shard, int max, CancellationToken cancellationToken);

    /// <summary>The events are in the webhook outbox: they leave the shard's outbox for good.</summary>
    Task AcknowledgeAsync(int shard, IReadOnlyList<GateEvent> events, CancellationToken cancellationToken);
}
