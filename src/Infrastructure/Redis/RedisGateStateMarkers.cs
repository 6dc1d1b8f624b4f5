using Reservations.Application.Common.Ports;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>A string key per shard, in the shard's hash tag, so that a cluster node that lost its data loses its markers too.</summary>
internal sealed class RedisGateStateMarkers(IConnectionMultiplexer redis, RedisKeys keys) : IGateStateMarkers
{
    public async Task<IReadOnlyList<int>> MissingAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var exists = await Task.WhenAll(Enumerable.Range(0, keys.Shards).Select(shard => db.KeyExistsAsync(keys.StateMarker(shard))));
        return [.. Enumerable.Range(0, keys.Shards).Where(shard => !exists[shard])];
    }

    public Task MarkAllAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        return Task.WhenAll(Enumerable.Range(0, keys.Shards).Select(shard => db.StringSetAsync(keys.StateMarker(shard), 1)));
    }
}
