using Reservations.Application.Common.Ports;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Finalize;

/// <summary>finalize.lua: after PostgreSQL committed a batch of one shard's purchases, completes their holds and deletes their entries.</summary>
internal sealed class FinalizeScript(RedisKeys keys)
{
    private static readonly NamedScript<FinalizeArguments> Script = new("finalize");

    public Task RunAsync(IDatabase db, int shard, IReadOnlyList<PendingPurchase> purchases, string group) =>
        Script.RunAsync(db, new FinalizeArguments(
            keys.Stock(shard), keys.Holds(shard), keys.Purchases(shard), keys.DeadLetters(shard), keys.DeadHolds(shard),
            purchases.SelectMany(p => RedisKeys.HoldField(p.HoldId)).ToArray(),
            string.Join(',', purchases.Select(p => p.EntryId)),
            group));
}

internal sealed record FinalizeArguments(
    RedisKey StockKey, RedisKey HoldsKey, RedisKey PurchasesKey, RedisKey DeadLettersKey, RedisKey DeadHoldsKey,
    RedisValue HoldIds, RedisValue EntryIds, RedisValue Group);
