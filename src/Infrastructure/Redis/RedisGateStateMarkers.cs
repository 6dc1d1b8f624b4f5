using Reservations.Application.Products.WarmUp;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// A string key per shard, in the shard's hash tag, so that a cluster node that lost its data loses its markers too.
/// The layout record (<see cref="RedisLayout"/>) is part of the state: a node that lost it counts as every shard lost,
/// and marking records it again, so that the next process to start finds the gate keys with their record.
/// </summary>
internal sealed class RedisGateStateMarkers(IConnectionMultiplexer redis, RedisKeys keys, RedisLayout layout) : IGateStateMarkers
{
    public async Task<IReadOnlyList<int>> MissingAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var recorded = layout.IsRecordedAsync();
        var exists = await Task.WhenAll(Enumerable.Range(0, keys.Shards).Select(shard => db.KeyExistsAsync(keys.StateMarker(shard))));
        var isRecorded = await recorded;
        return [.. Enumerable.Range(0, keys.Shards).Where(shard => !exists[shard] || !isRecorded)];
    }

    public async Task MarkAllAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        await layout.RecordAsync();
        await Task.WhenAll(Enumerable.Range(0, keys.Shards).Select(shard => db.StringSetAsync(keys.StateMarker(shard), 1)));
    }
}
