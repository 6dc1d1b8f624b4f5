using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Retry;

/// <summary>retry.lua: puts a dead-lettered purchase back on the shard's purchase stream, to be persisted again.</summary>
internal sealed class RetryScript(RedisKeys keys)
{
    private static readonly NamedScript<RetryArguments> Script = new("retry");

    /// <summary>True when the dead letter was moved back; false when it was no longer there.</summary>
    public async Task<bool> RunAsync(IDatabase db, int shard, RedisValue deadLetterId) =>
        (int)await Script.RunAsync(db, new RetryArguments(
            keys.Stock(shard), keys.Purchases(shard), keys.DeadLetters(shard), keys.DeadHolds(shard), deadLetterId)) == 1;
}

internal sealed record RetryArguments(RedisKey StockKey, RedisKey PurchasesKey, RedisKey DeadLettersKey, RedisKey DeadHoldsKey, RedisValue EntryId);
