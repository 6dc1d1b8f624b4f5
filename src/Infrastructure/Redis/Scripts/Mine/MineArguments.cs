using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Mine;

/// <summary>The keys and values mine.lua names.</summary>
internal sealed record MineArguments(RedisKey HoldsKey, RedisValue Customer, RedisValue CustomerField, RedisValue Status, RedisValue Batch);
