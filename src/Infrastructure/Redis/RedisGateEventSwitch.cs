using Reservations.Application.Common.Ports;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Writes the event types wanted into every shard (a script reads its own shard's key, in its slot), or removes the
/// key when none is: the scripts then write no event at all.
/// </summary>
internal sealed class RedisGateEventSwitch(IConnectionMultiplexer redis, RedisKeys keys) : IGateEventSwitch
{
    public async Task SetAsync(IReadOnlySet<string> types, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var value = string.Join(',', types.Order(StringComparer.Ordinal));
        await Task.WhenAll(Enumerable.Range(0, keys.Shards).Select(shard => value.Length == 0
            ? db.KeyDeleteAsync(keys.EventTypes(shard))
            : db.StringSetAsync(keys.EventTypes(shard), value)));
    }
}
