using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Opens the Redis connection while the host starts instead of inside the first request. Under a burst on a fresh
/// instance, every request would otherwise block a thread-pool thread waiting for that first one to connect, and the
/// connection needs those threads to finish its handshake with each node: nodes are then left unconnected and
/// requests answer 503. Redis being down does not stop the start (the connection keeps trying).
/// </summary>
internal sealed class RedisConnectionStarter(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IConnectionMultiplexer>();
        services.GetRequiredService<ReplicaAcknowledgement>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
