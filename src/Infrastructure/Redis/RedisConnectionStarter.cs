using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Connects while the host starts: under a burst on a fresh instance, requests would block the thread-pool threads the
/// first connect needs for its handshakes, leaving nodes unconnected and requests answering 503. Redis down does not stop
/// the start (readiness reports it); a node setting under which Redis may lose the gate's data does.
/// </summary>
internal sealed partial class RedisConnectionStarter(
    IServiceProvider services, IOptions<RedisGateOptions> options, ILogger<RedisConnectionStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IConnectionMultiplexer>();
        services.GetRequiredService<ReplicaAcknowledgement>();
        var admin = services.GetRequiredService<RedisAdminConnection>();
        IReadOnlyList<RedisServerSettings> nodes;
        try
        {
            nodes = await RedisServerSettings.ReadAllAsync(admin);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogSettingsUnread(logger, e);
            return;
        }

        foreach (var node in nodes)
        {
            if (node.Refusal is { } refusal)
            {
                throw new InvalidOperationException(refusal);
            }

            if (node.DurabilityWarning is { } warning)
            {
                if (options.Value.RequireAppendFsyncAlways)
                {
                    throw new InvalidOperationException($"{warning} Redis:RequireAppendFsyncAlways is set.");
                }

                LogNotDurable(logger, warning);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the Redis settings at start; /health/ready reports them once Redis answers")]
    private static partial void LogSettingsUnread(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogNotDurable(ILogger logger, string warning);
}
