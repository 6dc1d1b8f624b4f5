using System.Globalization;
using Reservations.Application.Webhooks;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Writes the event types wanted into every shard (a script reads its own shard's key, in its slot) with switch.lua,
/// which keeps the newest generation of the endpoints.
/// </summary>
internal sealed class RedisGateEventSwitch(IConnectionMultiplexer redis, RedisKeys keys) : IGateEventSwitch
{
    private static readonly BatchScript Script = BatchScript.Load("switch");

    public async Task AddAsync(IReadOnlySet<string> types, CancellationToken cancellationToken) =>
        await OnEveryShardAsync(["add", Joined(types)]);

    public async Task SetAsync(GateEventSubscriptions subscriptions, CancellationToken cancellationToken) =>
        await OnEveryShardAsync(["set", subscriptions.Generation.ToString(CultureInfo.InvariantCulture), Joined(subscriptions.Types)]);

    private static string Joined(IReadOnlySet<string> types) => string.Join(',', types.Order(StringComparer.Ordinal));

    private Task<RedisResult[]> OnEveryShardAsync(RedisValue[] values)
    {
        var db = redis.GetDatabase();
        return Task.WhenAll(Enumerable.Range(0, keys.Shards).Select(shard => Script.EvaluateAsync(db, [keys.EventTypes(shard)], values)));
    }
}
