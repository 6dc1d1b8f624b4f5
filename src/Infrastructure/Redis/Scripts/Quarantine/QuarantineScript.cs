using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Quarantine;

/// <summary>quarantine.lua: moves one unreadable entry of a shard's stream (purchases, events) to its quarantine stream.</summary>
internal sealed class QuarantineScript(RedisKeys keys)
{
    private static readonly BatchScript Script = BatchScript.Load("quarantine");

    /// <summary>True when the entry was moved; false when it was no longer in the stream (only acknowledged then).</summary>
    public async Task<bool> RunAsync(IDatabase db, int shard, RedisKey stream, string group, RedisValue entryId, string reason) =>
        (int)await Script.EvaluateAsync(db, [stream, keys.Quarantine(shard)], [group, entryId, reason]) == 1;
}
