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
            var batch = new List<Task>();
            await foreach (var key in server.KeysAsync(pattern: $"{prefix}:*", pageSize: 1000))
            {
                batch.Add(redis.GetDatabase().KeyDeleteAsync(key));
                if (batch.Count == 1000)
                {
                    await Task.WhenAll(batch);
                    batch.Clear();
                }
            }

            await Task.WhenAll(batch);
        }
    }
}
