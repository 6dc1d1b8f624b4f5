using Reservations.Application.Holds;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Expire;

/// <summary>expire.lua: expires a batch of a shard's overdue holds, oldest first, and sets aside those it cannot give back.</summary>
internal sealed class ExpireScript(RedisKeys keys)
{
    private static readonly NamedScript<ExpireArguments> Script = new("expire");

    public async Task<ExpireReply> RunAsync(IDatabase db, int shard, int batch)
    {
        var arguments = new ExpireArguments(keys.Stock(shard), keys.Holds(shard), keys.Due(shard), keys.Tally(shard), keys.Quarantine(shard), batch);
        var reply = (RedisResult[])(await Script.RunAsync(db, arguments))!;
        var setAside = (RedisResult[])reply[2]!;
        var quarantined = new List<QuarantinedHold>(setAside.Length / 2);
        for (var i = 0; i < setAside.Length; i += 2)
        {
            quarantined.Add(new QuarantinedHold(HoldName(shard, (byte[])setAside[i]!), (string)setAside[i + 1]!));
        }

        return new ExpireReply(
            (long)reply[0] == 1, [.. ((long[])reply[1]!).Select(ms => TimeSpan.FromMilliseconds(ms))], quarantined);
    }

    // A field of another length than a hold id's was not written by the gate: named by its bytes.
    private static string HoldName(int shard, byte[] field) => field.Length == RedisKeys.HoldFieldLength
        ? RedisKeys.HoldOfField(shard, field).ToString()
        : Convert.ToHexString(field);
}

internal sealed record ExpireArguments(
    RedisKey StockKey, RedisKey HoldsKey, RedisKey DueKey, RedisKey TallyKey, RedisKey QuarantineKey, RedisValue Batch);

/// <summary>
/// One expire.lua call: whether more holds may be due (it stopped at its batch), how late each hold it expired was, and
/// the holds it set aside in the quarantine stream.
/// </summary>
internal sealed record ExpireReply(bool More, IReadOnlyList<TimeSpan> Delays, IReadOnlyList<QuarantinedHold> Quarantined);
