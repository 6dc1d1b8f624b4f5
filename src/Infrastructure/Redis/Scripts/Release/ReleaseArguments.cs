using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Release;

/// <summary>The keys and values release.lua names.</summary>
internal sealed record ReleaseArguments(RedisKey StockKey, RedisKey HoldsKey, RedisKey TallyKey, RedisValue HoldId, RedisValue Customer);
