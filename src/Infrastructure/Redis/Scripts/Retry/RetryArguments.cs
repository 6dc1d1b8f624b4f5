using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Retry;

/// <summary>The keys and values retry.lua names.</summary>
internal sealed record RetryArguments(RedisKey StockKey, RedisKey PurchasesKey, RedisKey DeadLettersKey, RedisKey DeadHoldsKey, RedisValue EntryId);
