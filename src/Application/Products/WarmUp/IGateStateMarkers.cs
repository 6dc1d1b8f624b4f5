namespace Reservations.Application.Products.WarmUp;

/// <summary>Set per shard when the Worker builds the gate's state from PostgreSQL: a shard whose marker is gone lost
/// its data (FLUSHALL, a restart without AOF, a failover that dropped writes).</summary>
public interface IGateStateMarkers
{
    Task<IReadOnlyList<int>> MissingAsync(CancellationToken cancellationToken);

    Task MarkAllAsync(CancellationToken cancellationToken);
}
