using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi;

/// <summary>A Redis that may evict or lose the gate's data is refused at start or named in readiness, never used silently.</summary>
public sealed class RedisSettingsTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
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

        var start = StartApi(redis, ("Reservations:RequireAppendFsyncAlways", "true"));

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
