using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Products;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.WebApi;

/// <summary>A Redis that may evict or lose the gate's data is refused at start or named in readiness, never used silently.</summary>
public sealed class RedisSettingsTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    /// <summary>The API's Redis user as docs/operations.md (Configuration) gives it (besides its key prefix and channels).</summary>
    private static readonly string[] ApiUserCommands =
        ["-@all", "+@read", "+@write", "+@scripting", "+@connection", "+time", "-@dangerous", "+config|get", "+cluster|info"];

    [Fact]
    public async Task AnEvictingRedis_StopsTheApiFromStarting_SayingWhatToSet()
    {
        await using var redis = await ScratchRedis.StartAsync("--maxmemory-policy", "allkeys-lru", "--appendonly", "yes", "--appendfsync", "always");

        var start = StartApi(redis);

        start.Should().Throw<InvalidOperationException>().WithMessage("*maxmemory-policy allkeys-lru*Set maxmemory-policy noeviction*");
    }

    [Fact]
    public async Task AnEvictingRedis_StopsTheWorkerFromStarting()
    {
        await using var redis = await ScratchRedis.StartAsync("--maxmemory-policy", "volatile-ttl");

        var start = () => TestWorker.StartAsync(api, ("ConnectionStrings:Redis", redis.ConnectionString));

        await start.Should().ThrowAsync<InvalidOperationException>().WithMessage("*maxmemory-policy volatile-ttl*");
    }

    [Fact]
    public async Task ARedisWithoutAppendFsyncAlways_LeavesTheApiReadyButDegraded_NamingTheSettings()
    {
        await using var redis = await ScratchRedis.StartAsync("--appendonly", "yes", "--appendfsync", "everysec");
        await using var degraded = api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Redis", redis.ConnectionString));

        var response = await degraded.CreateClient(token: null).GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var check = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("redis");
        check.GetProperty("status").GetString().Should().Be("Degraded");
        check.GetProperty("description").GetString().Should().Contain("appendfsync everysec");
        check.GetProperty("data").GetProperty(redis.ConnectionString).GetString().Should().Contain("maxmemory-policy noeviction");
    }

    [Fact]
    public async Task ARedisWithoutAppendFsyncAlways_StopsTheApi_WhenDurabilityIsRequired()
    {
        await using var redis = await ScratchRedis.StartAsync("--appendonly", "no");

        var start = StartApi(redis, ("Redis:RequireAppendFsyncAlways", "true"));

        start.Should().Throw<InvalidOperationException>().WithMessage("*appendonly no*RequireAppendFsyncAlways*");
    }

    [Fact]
    public async Task TheSharedTestRedis_IsReportedHealthyWithItsSettings()
    {
        var response = await api.CreateClient(token: null).GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        var check = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .RootElement.GetProperty("checks").GetProperty("redis");
        check.GetProperty("status").GetString().Should().Be("Healthy");
        check.GetProperty("data").EnumerateObject().Should().ContainSingle()
            .Which.Value.GetString().Should().Contain("maxmemory-policy noeviction, appendonly yes, appendfsync always");
    }

    [Fact]
    public async Task TheApisRedisConnection_IsNotInAdminMode_SoAdminCommandsAreRefused()
    {
        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>();

        ConfigurationOptions.Parse(redis.Configuration).AllowAdmin.Should().BeFalse();
        var configSet = () => redis.GetServers()[0].ExecuteAsync("CONFIG", "SET", "maxmemory-policy", "noeviction");
        await configSet.Should().ThrowAsync<RedisCommandException>().WithMessage("*admin mode*");
    }

    [Fact]
    public async Task TheApi_ServesAndReportsTheSettings_UnderARedisUserWithoutAdminRights()
    {
        await using var redis = await ScratchRedis.StartAsync(
            ["--appendonly", "yes", "--appendfsync", "always", "--user", "reservations-api", "on", ">api-secret", $"~{api.KeyPrefix}:*", "&*", .. ApiUserCommands]);
        await using var restricted = api.WithWebHostBuilder(b =>
            b.UseSetting("ConnectionStrings:Redis", $"{redis.ConnectionString},user=reservations-api,password=api-secret"));

        var created = await restricted.CreateClient(Tokens.Admin()).PostJsonAsync("/api/products", ProductRequests.Valid(stock: 1));
        var product = await created.ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
        await restricted.CreateClient(Tokens.Customer("acl")).ReserveOkAsync(product.Id);
        var ready = await restricted.CreateClient(token: null).GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        var body = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ready.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var check = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("redis");
        check.GetProperty("status").GetString().Should().Be("Healthy");
        check.GetProperty("data").GetProperty(redis.ConnectionString).GetString().Should().Contain("maxmemory-policy noeviction");
        await using var asTheApi = await ConnectionMultiplexer.ConnectAsync(
            $"{redis.ConnectionString},user=reservations-api,password=api-secret,allowAdmin=true");
        var configSet = () => asTheApi.GetServers()[0].ConfigSetAsync("maxmemory-policy", "allkeys-lru");
        await configSet.Should().ThrowAsync<RedisServerException>().WithMessage("NOPERM*");
    }

    private Action StartApi(ScratchRedis redis, params (string Key, string Value)[] settings) => () =>
    {
        using var started = api.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Redis", redis.ConnectionString);
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        started.CreateClient(token: null);
    };
}
