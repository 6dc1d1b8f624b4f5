using System.Globalization;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Switch;

/// <summary>switch.lua: writes the webhook event types one shard's scripts emit, keeping the newest generation of the endpoints.</summary>
internal sealed class SwitchScript(RedisKeys keys)
{
    private static readonly BatchScript Script = BatchScript.Load("switch");

    /// <summary>Adds the types, the generation unchanged. True when it wrote.</summary>
    public async Task<bool> AddAsync(IDatabase db, int shard, string types) =>
        (int)await Script.EvaluateAsync(db, [keys.EventTypes(shard)], ["add", types]) == 1;

    /// <summary>Replaces the types, unless the shard holds the same or a newer generation. True when it wrote.</summary>
    public async Task<bool> SetAsync(IDatabase db, int shard, long generation, string types) =>
        (int)await Script.EvaluateAsync(
            db, [keys.EventTypes(shard)], ["set", generation.ToString(CultureInfo.InvariantCulture), types]) == 1;
}
