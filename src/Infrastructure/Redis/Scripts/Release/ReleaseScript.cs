using Reservations.Domain.Customers;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Release;

/// <summary>release.lua: the owner gives a held hold back (expired instead when it is past its deadline).</summary>
internal sealed class ReleaseScript(RedisKeys keys)
{
    private static readonly NamedScript<ReleaseArguments> Script = new("release");

    public async Task<ReleaseReply> RunAsync(IDatabase db, int shard, Guid holdId, CustomerId customer)
    {
        var arguments = new ReleaseArguments(keys.Stock(shard), keys.Holds(shard), keys.Tally(shard), RedisKeys.HoldField(holdId), customer.Value);
        var reply = (RedisResult[])(await Script.RunAsync(db, arguments))!;
        return (string)reply[0]! switch
        {
            "finished" => ReleaseReply.Finished,
            "already-purchased" => ReleaseReply.AlreadyPurchased,
            "not-found" => ReleaseReply.NotFound,
            var other => throw new InvalidOperationException($"Unexpected release reply '{other}'."),
        };
    }
}

internal sealed record ReleaseArguments(RedisKey StockKey, RedisKey HoldsKey, RedisKey TallyKey, RedisValue HoldId, RedisValue Customer);

internal enum ReleaseReply
{
    /// <summary>The hold has ended: released or expired, now or before.</summary>
    Finished,

    AlreadyPurchased,

    /// <summary>No such hold of this customer.</summary>
    NotFound,
}
