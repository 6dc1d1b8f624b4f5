using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Health;

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();

            // Cluster nodes answer PING before they serve any slot (a cluster not created yet, or one that lost them).
            if (redis.GetServers().FirstOrDefault(s => s.IsConnected && s.ServerType == ServerType.Cluster) is { } node
                && !((string?)await node.ExecuteAsync("CLUSTER", "INFO") ?? string.Empty).Contains("cluster_state:ok", StringComparison.Ordinal))
            {
                return HealthCheckResult.Unhealthy($"Redis Cluster node {node.EndPoint} reports cluster_state other than ok.");
            }

            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", e);
        }
    }
}
