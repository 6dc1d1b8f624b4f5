using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reservations.Infrastructure;
using StackExchange.Redis;

namespace Reservations.Load;

/// <summary>
/// The Infrastructure's inventory gate on a Redis, under a key prefix of its own, for runs without HTTP. Disposing it
/// removes every key under that prefix.
/// </summary>
public sealed class GateHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConnectionMultiplexer _redis;

    private GateHost(IHost host, ConnectionMultiplexer redis, string keyPrefix)
    {
        _host = host;
        _redis = redis;
        KeyPrefix = keyPrefix;
        Gate = new GateClient(host.Services);
    }

    public string KeyPrefix { get; }

    public GateClient Gate { get; }

    /// <summary>The tool's own connection to the same Redis (admin commands allowed), for what no port offers.</summary>
    public IConnectionMultiplexer Redis => _redis;

    /// <summary>
    /// Starts the gate as a process of the deployment does: connected, each node's settings checked, the layout recorded
    /// on a Redis without one. The hosted services are started one by one: a started host would take over Ctrl+C.
    /// </summary>
    public static async Task<GateHost> StartAsync(string redis, string keyPrefix)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            // AddInfrastructure requires it; nothing here opens PostgreSQL.
            ["ConnectionStrings:Postgres"] = "Host=unused",
            ["Redis:KeyPrefix"] = keyPrefix,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddInfrastructure();
        var host = builder.Build();
        foreach (var service in host.Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        var options = ConfigurationOptions.Parse(redis);
        options.AllowAdmin = true;
        return new GateHost(host, await ConnectionMultiplexer.ConnectAsync(options), keyPrefix);
    }

    public async ValueTask DisposeAsync()
    {
        // A service still waiting for Redis to answer stops waiting when the application stops.
        _host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        foreach (var service in _host.Services.GetServices<IHostedService>().Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        _host.Dispose();
        var db = _redis.GetDatabase();
        foreach (var server in _redis.GetServers().Where(s => !s.IsReplica))
        {
            var deletes = new List<Task>();
            await foreach (var key in server.KeysAsync(pattern: $"{KeyPrefix}:*", pageSize: 1000))
            {
                deletes.Add(db.KeyDeleteAsync(key));
            }

            await Task.WhenAll(deletes);
        }

        await _redis.DisposeAsync();
    }
}
