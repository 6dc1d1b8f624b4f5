using Reservations.Domain.Holds;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Read;

/// <summary>read.lua: a hold, live or ended, with the status it has now by Redis's clock (held past its deadline is expired).</summary>
internal sealed class ReadScript(RedisKeys keys)
{
    private static readonly NamedScript<ReadArguments> Script = new("read");

    /// <summary>The hold, or null when Redis no longer keeps it.</summary>
    public async Task<Hold?> RunAsync(IDatabase db, int shard, Guid holdId)
    {
        var reply = (RedisResult[])(await Script.RunAsync(db, new ReadArguments(keys.Holds(shard), RedisKeys.HoldField(holdId))))!;
        var value = (byte[])reply[0]!;
        if (value.Length == 0)
        {
            return null;
        }

        var hold = HoldCodec.Parse(holdId, value);
        return hold with { Status = hold.StatusAt(HoldCodec.Time((string)reply[1]!)) };
    }
}

internal sealed record ReadArguments(RedisKey HoldsKey, RedisValue HoldId);
