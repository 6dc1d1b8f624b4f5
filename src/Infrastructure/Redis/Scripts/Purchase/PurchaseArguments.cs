using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Purchase;

/// <summary>The keys and values purchase.lua names.</summary>
internal sealed record PurchaseArguments(
    RedisKey StockKey, RedisKey HoldsKey, RedisKey TallyKey, RedisKey PurchasesKey,
    RedisValue HoldId, RedisValue Customer, RedisValue TraceParent);
