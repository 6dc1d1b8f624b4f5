using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Adjust;

/// <summary>The keys and values adjust.lua names.</summary>
internal sealed record AdjustArguments(RedisKey StockKey, RedisKey AdjustmentKey, RedisValue ProductId, RedisValue Delta);
