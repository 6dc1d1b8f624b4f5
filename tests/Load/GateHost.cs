using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Application.Reservations;
using Reservations.Application.Webhooks;
using Reservations.Infrastructure;
using Reservations.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reservations.Load;

/// <summary>
/// The Infrastructure's inventory gate on a Redis, under a key prefix of its own, for runs without HTTP. Disposing it
/// removes every key under that prefix.
/// </summary>
public sealed class GateHost : IAsyncDisposable
{
    private readonly IHost _host;

    private GateHost(IHost host, string keyPrefix)
    {
        _host = host;
        KeyPrefix = keyPrefix;
    }

    public string KeyPrefix { get; }

    public IHoldGate Holds => _host.Services.GetRequiredService<IHoldGate>();

    public IStockGate Stock => _host.Services.GetRequiredService<IStockGate>();

    public IHoldExpiry Expiry => _host.Services.GetRequiredService<IHoldExpiry>();

    public IConnectionMultiplexer Redis => _host.Services.GetRequiredService<IConnectionMultiplexer>();

    public RedisKeys Keys => _host.Services.GetRequiredService<RedisKeys>();

    public IGateEventSwitch EventSwitch => _host.Services.GetRequiredService<IGateEventSwitch>();

    /// <summary>Starts the gate as a process of the deployment does: it records the layout on a Redis without one.</summary>
    public static async Task<GateHost> StartAsync(string redis, string keyPrefix)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            // AddInfrastructure requires it; nothing here opens PostgreSQL.
            ["ConnectionStrings:Postgres"] = "Host=unused",
            ["Reservations:KeyPrefix"] = keyPrefix,
        });
        builder.Services.AddInfrastructure();
        var host = builder.Build();
        await host.Services.GetRequiredService<RedisLayout>().VerifyAsync();
        return new GateHost(host, keyPrefix);
    }

    public async ValueTask DisposeAsync()
    {
        var db = Redis.GetDatabase();
        foreach (var server in Redis.GetServers().Where(s => !s.IsReplica))
        {
            var deletes = new List<Task>();
            await foreach (var key in server.KeysAsync(pattern: $"{KeyPrefix}:*", pageSize: 1000))
            {
                deletes.Add(db.KeyDeleteAsync(key));
            }

            await Task.WhenAll(deletes);
        }

        _host.Dispose();
    }
}
