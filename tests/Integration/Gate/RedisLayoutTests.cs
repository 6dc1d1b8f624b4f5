using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Gate;

/// <summary>
/// The layout version and shard count recorded in Redis: the first process records them, and every API and Worker
/// started after refuses another count, another version, or gate keys of the layout before any record.
/// </summary>
public sealed class RedisLayoutTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task FirstStart_RecordsTheLayoutVersionAndTheShardCount() =>
        ((string?)await api.Redis.StringGetAsync(api.Keys.Layout)).Should().Be($"version={RedisLayout.Version} shards=16");

    [Fact]
    public async Task Worker_WithAnotherShardCount_RefusesToStartAndSaysWhatToSet()
    {
        var start = () => TestWorker.StartAsync(api, ("Redis:Shards", "8"));

        await start.Should().ThrowAsync<RedisLayoutMismatchException>()
            .WithMessage("*for 16 shards, but this process is configured for 8*Redis__Shards*to 16*");
    }

    [Fact]
    public void Api_WithAnotherShardCount_RefusesToStart()
    {
        using var other = api.WithWebHostBuilder(b => b.UseSetting("Redis:Shards", "64"));

        var start = () => other.CreateClient();

        start.Should().Throw<RedisLayoutMismatchException>().WithMessage("*for 16 shards*configured for 64*");
    }

    [Fact]
    public async Task WorkerProcess_WithAnotherShardCount_ExitsWithTheMessage()
    {
        var (exitCode, output) = await WorkerProcess.RunToExitAsync(api, TimeSpan.FromSeconds(60), ("Redis:Shards", "4"));

        exitCode.Should().NotBe(0);
        output.Should().Contain("Set Redis:Shards (environment: Redis__Shards) to 16");
    }

    [Fact]
    public async Task Start_OnGateKeysWithoutALayoutRecord_IsRefusedWithTheUpgradeSteps()
    {
        var prefix = TestRedis.NewKeyPrefix();
        await api.Redis.HashSetAsync($"{prefix}:{{s3}}:holds", "an old hold", "h");
        try
        {
            var start = () => TestWorker.StartAsync(api, ("Redis:KeyPrefix", prefix));

            await start.Should().ThrowAsync<RedisLayoutMismatchException>()
                .WithMessage($"*no layout record*delete the keys '{prefix}:*'*warm-up rebuilds*");
            (await api.Redis.KeyExistsAsync($"{prefix}:layout")).Should().BeFalse("nothing is recorded over an old layout");
        }
        finally
        {
            await TestRedis.DeleteKeysAsync(api.Services.GetRequiredService<IConnectionMultiplexer>(), prefix);
        }
    }

    [Fact]
    public async Task Start_OnAnotherLayoutVersion_IsRefused()
    {
        var prefix = TestRedis.NewKeyPrefix();
        await api.Redis.StringSetAsync($"{prefix}:layout", "version=3 shards=16");
        try
        {
            var start = () => TestWorker.StartAsync(api, ("Redis:KeyPrefix", prefix));

            await start.Should().ThrowAsync<RedisLayoutMismatchException>().WithMessage("*'version=3 shards=16'*version=2 shards=16*To upgrade*");
        }
        finally
        {
            await api.Redis.KeyDeleteAsync($"{prefix}:layout");
        }
    }
}
