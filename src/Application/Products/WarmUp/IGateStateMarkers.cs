namespace Reservations.Application.Products.WarmUp;

/// <summary>One marker per shard of the gate, set when the Worker builds the gate's state from PostgreSQL. A shard
/// whose marker is gone lost its data (FLUSHALL, a restart without the append-only file, a failover that dropped
/// writes).</summary>
public interface IGateStateMarkers
{
    Task<IReadOnlyList<int>> MissingAsync(CancellationToken cancellationToken);

    Task MarkAllAsync(CancellationToken cancellationToken);
}
