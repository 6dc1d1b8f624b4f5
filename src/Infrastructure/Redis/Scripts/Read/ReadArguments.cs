using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Read;

/// <summary>The keys and values read.lua names.</summary>
internal sealed record ReadArguments(RedisKey HoldsKey, RedisValue HoldId);
