using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Expire;

/// <summary>The keys and values expire.lua names.</summary>
internal sealed record ExpireArguments(
    RedisKey StockKey, RedisKey HoldsKey, RedisKey DueKey, RedisKey TallyKey, RedisKey QuarantineKey, RedisValue Batch);
