using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.DeadLetter;

/// <summary>The keys and values deadletter.lua names.</summary>
internal sealed record DeadLetterArguments(
    RedisKey StockKey, RedisKey HoldsKey, RedisKey DeadHoldsKey, RedisKey PurchasesKey, RedisKey DeadLettersKey,
    RedisValue HoldId, RedisValue EntryId, RedisValue Group, RedisValue Reason);
