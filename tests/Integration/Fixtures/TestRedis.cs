using StackExchange.Redis;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Redis isolation by key prefix: each test class owns its prefix and removes only its own keys.</summary>
public static class TestRedis
{
    public static string NewKeyPrefix() => $"t{Guid.NewGuid():N}"[..13];

    public static async Task DeleteKeysAsync(IConnectionMultiplexer redis, string prefix)
    {
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: $"{prefix}:*", pageSize: 1000))
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }
}
