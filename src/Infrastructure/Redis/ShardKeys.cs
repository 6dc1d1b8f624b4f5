using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>A shard's keys that every script on its holds touches; all share the shard's hash tag.</summary>
public sealed record ShardKeys(RedisKey Stock, RedisKey Catalog, RedisKey Holds, RedisKey Due, RedisKey Tally);
