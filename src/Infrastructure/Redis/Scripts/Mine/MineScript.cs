using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Mine;

/// <summary>mine.lua: a customer's holds of one shard that Redis still keeps, each with the status it has now.</summary>
internal sealed class MineScript(RedisKeys keys)
{
    private static readonly NamedScript<MineArguments> Script = new("mine");

    /// <param name="status">Only the holds of this status now, or every hold.</param>
    /// <param name="newest">How many of the newest matching holds to answer.</param>
    public async Task<MineReply> RunAsync(IDatabase db, int shard, CustomerId customer, HoldStatus? status, int newest)
    {
        var arguments = new MineArguments(
            keys.Holds(shard),
            customer.Value,
            RedisKeys.CustomerField(customer.Value),
            status is { } s ? (RedisValue)new[] { HoldCodec.CodeOf(s) } : RedisValue.EmptyString,
            newest);
        var reply = (RedisResult[])(await Script.RunAsync(db, arguments))!;
        var found = (RedisResult[])reply[1]!;
        var now = HoldCodec.Time((string)reply[2]!);
        var holds = new List<Hold>(found.Length / 2);
        for (var i = 0; i < found.Length; i += 2)
        {
            var hold = HoldCodec.Parse(RedisKeys.HoldOfField(shard, (byte[])found[i]!), (byte[])found[i + 1]!);
            holds.Add(hold with { Status = hold.StatusAt(now) });
        }

        return new MineReply((int)reply[0], holds);
    }
}

internal sealed record MineArguments(RedisKey HoldsKey, RedisValue Customer, RedisValue CustomerField, RedisValue Status, RedisValue Batch);

/// <summary>A shard's answer to mine.lua: how many of the customer's holds match, and the newest of them, newest first.</summary>
internal sealed record MineReply(int Matching, IReadOnlyList<Hold> Newest);
