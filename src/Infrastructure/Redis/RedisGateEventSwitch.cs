using Reservations.Application.Webhooks;
using Reservations.Infrastructure.Redis.Scripts.Switch;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Writes the event types wanted into every shard (a script reads its own shard's key, in its slot) with switch.lua,
/// which keeps the newest generation of the endpoints.
/// </summary>
internal sealed class RedisGateEventSwitch(IConnectionMultiplexer redis, RedisKeys keys) : IGateEventSwitch
{
    private readonly SwitchScript _script = new(keys);

    public async Task AddAsync(IReadOnlySet<string> types, CancellationToken cancellationToken) =>
        await OnEveryShardAsync((db, shard) => _script.AddAsync(db, shard, Joined(types)));

    public async Task SetAsync(GateEventSubscriptions subscriptions, CancellationToken cancellationToken) =>
        await OnEveryShardAsync((db, shard) => _script.SetAsync(db, shard, subscriptions.Generation, Joined(subscriptions.Types)));

    private static string Joined(IReadOnlySet<string> types) => string.Join(',', types.Order(StringComparer.Ordinal));

    private Task<bool[]> OnEveryShardAsync(Func<IDatabase, int, Task<bool>> write)
    {
        var db = redis.GetDatabase();
        return Task.WhenAll(Enumerable.Range(0, keys.Shards).Select(shard => write(db, shard)));
    }
}
