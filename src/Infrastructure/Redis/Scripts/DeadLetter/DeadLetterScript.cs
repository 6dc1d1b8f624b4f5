using Reservations.Application.Common.Ports;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.DeadLetter;

/// <summary>deadletter.lua: moves a purchase PostgreSQL refused for good, with the reason, to the shard's dead letters.</summary>
internal sealed class DeadLetterScript(RedisKeys keys)
{
    private static readonly NamedScript<DeadLetterArguments> Script = new("deadletter");

    /// <summary>True when the entry was dead-lettered; false when its hold was completed or already dead-lettered (only acknowledged then).</summary>
    public async Task<bool> RunAsync(IDatabase db, int shard, PendingPurchase purchase, string group, string reason) =>
        (int)await Script.RunAsync(db, new DeadLetterArguments(
            keys.Stock(shard), keys.Holds(shard), keys.DeadHolds(shard), keys.Purchases(shard), keys.DeadLetters(shard),
            RedisKeys.HoldField(purchase.HoldId), purchase.EntryId, group, reason)) == 1;
}

internal sealed record DeadLetterArguments(
    RedisKey StockKey, RedisKey HoldsKey, RedisKey DeadHoldsKey, RedisKey PurchasesKey, RedisKey DeadLettersKey,
    RedisValue HoldId, RedisValue EntryId, RedisValue Group, RedisValue Reason);
