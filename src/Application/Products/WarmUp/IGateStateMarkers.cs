namespace Reservations.Application.Products.WarmUp;

/// <summary>
/// One marker per shard of the gate, set when the Worker builds the gate's state from PostgreSQL. A shard whose marker
/// is gone lost its data (FLUSHALL, a restart without the append-only file, a failover that dropped writes).
/// </summary>
public interface IGateStateMarkers
{
    /// <summary>The shards whose marker is missing.</summary>
    Task<IReadOnlyList<int>> MissingAsync(CancellationToken cancellationToken);

    /// <summary>Sets every shard's marker.</summary>
    Task MarkAllAsync(CancellationToken cancellationToken);
}
