using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Infrastructure.Persistence;
using Reservations.Infrastructure.Redis;
using Reservations.WebApi.Auth;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// The real WebApi on Kestrel (so body and header limits apply) with its own database and Redis key prefix.
/// One instance per test class (<c>IClassFixture</c>). <c>AuthOptions</c> only names the WebApi assembly: the Worker has a <c>Program</c> too.
/// </summary>
public class ReservationsApiFactory : WebApplicationFactory<AuthOptions>, IAsyncLifetime
{
    private string _postgres = string.Empty;
    private string _redis = string.Empty;

    public ReservationsApiFactory() => UseKestrel(0);

    public string KeyPrefix { get; } = TestRedis.NewKeyPrefix();

    public string PostgresConnectionString => _postgres;

    public string RedisConnectionString => _redis;

    /// <summary>Settings that a fixture for one kind of test changes (each fixture runs its own server).</summary>
    protected virtual IReadOnlyList<(string Key, string Value)> Settings => [];

    /// <summary>Services a fixture adds to the API's own (after them, so they may replace them).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>On the local Redis Cluster instead of the single Redis node.</summary>
    protected virtual bool OnCluster => false;

    public IDatabase Redis => Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    /// <summary>The API's own key names (its prefix and shard count).</summary>
    public RedisKeys Keys => Services.GetRequiredService<RedisKeys>();

    public async ValueTask InitializeAsync()
    {
        var servers = await TestServices.GetAsync();
        _postgres = await TestDatabase.CreateAsync(servers.Postgres);
        _redis = OnCluster ? RedisCluster.ConnectionString : servers.Redis;
        StartServer();
        await DatabaseMigrator.MigrateAsync(Services);
    }

    public override async ValueTask DisposeAsync()
    {
        await TestRedis.DeleteKeysAsync(Services.GetRequiredService<IConnectionMultiplexer>(), KeyPrefix);
        await base.DisposeAsync();
        await TestDatabase.DropAsync(_postgres);
        GC.SuppressFinalize(this);
    }

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Postgres", _postgres);
        builder.UseSetting("ConnectionStrings:Redis", _redis);
        builder.UseSetting("Redis:KeyPrefix", KeyPrefix);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(ConfigureServices);
    }
}
