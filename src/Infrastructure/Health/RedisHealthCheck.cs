using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Reservations.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Health;

/// <summary>
/// Redis answers, a cluster serves its slots, and every node has settings under which the gate keeps its data:
/// unhealthy under an evicting maxmemory-policy, degraded (still ready) without appendfsync always unless
/// <see cref="RedisGateOptions.RequireAppendFsyncAlways"/>.
/// </summary>
internal sealed class RedisHealthCheck(
    IConnectionMultiplexer redis, RedisAdminConnection admin, IOptions<RedisGateOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();

            // Cluster nodes answer PING before they serve any slot (a cluster not created yet, or one that lost them).
            if (admin.ConnectedNodes().FirstOrDefault(s => s.ServerType == ServerType.Cluster) is { } node
                && !((string?)await node.ExecuteAsync("CLUSTER", "INFO") ?? string.Empty).Contains("cluster_state:ok", StringComparison.Ordinal))
            {
                return HealthCheckResult.Unhealthy($"Redis Cluster node {node.EndPoint} reports cluster_state other than ok.");
            }

            var nodes = await RedisServerSettings.ReadAllAsync(admin);
            var settings = nodes.ToDictionary(n => n.Node, n => (object)n.ToString());
            if (nodes.Select(n => n.Refusal).FirstOrDefault(r => r is not null) is { } refusal)
            {
                return HealthCheckResult.Unhealthy(refusal, data: settings);
            }

            if (nodes.Select(n => n.DurabilityWarning).FirstOrDefault(w => w is not null) is { } warning)
            {
                return options.Value.RequireAppendFsyncAlways
                    ? HealthCheckResult.Unhealthy(warning, data: settings)
                    : HealthCheckResult.Degraded(warning, data: settings);
            }

            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.0} ms", settings);
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", e);
        }
    }
}
