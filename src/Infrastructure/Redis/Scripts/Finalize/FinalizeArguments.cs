using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Finalize;

/// <summary>The keys and values finalize.lua names.</summary>
internal sealed record FinalizeArguments(
    RedisKey StockKey, RedisKey HoldsKey, RedisKey PurchasesKey, RedisKey DeadLettersKey, RedisKey DeadHoldsKey,
    RedisValue HoldIds, RedisValue EntryIds, RedisValue Group);
