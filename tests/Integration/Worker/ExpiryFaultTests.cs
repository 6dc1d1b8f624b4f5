using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Holds.Expire;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>Faults of the notification path; they touch the whole Redis server, so they run alone.</summary>
[Collection(RunsAlone.Name)]
public sealed class ExpiryFaultTests(ReservationsApiFactory api, ITestOutputHelper output) : IClassFixture<ReservationsApiFactory>
{
    private const int Wave = 1_000;
    private static readonly TimeSpan ReleaseDeadline = TimeSpan.FromSeconds(1 + 2);

    [Fact]
    public async Task ThousandHolds_ExpireWithinTheReleaseDeadline_MostlyByEvent()
    {
        using var recorder = new ExpiryDelayRecorder();
        var worker = await TestWorker.StartAsync(api);
        try
        {
            var (productId, lastDeadline) = await ReserveWaveAsync();

            await ShouldAllComeBackByAsync(productId, lastDeadline + ReleaseDeadline);

            // The sweeper records its delays after its pass over every shard: the ledger may balance a moment sooner.
            await Eventually.TrueAsync(() => Task.FromResult(recorder.Delays.Count >= Wave), TimeSpan.FromSeconds(5));
            output.WriteLine(recorder.Summary());
            recorder.Delays.Should().HaveCount(Wave);
            recorder.Delays.Max(d => d.Ms).Should().BeLessThan(ReleaseDeadline.TotalMilliseconds);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task TwoWorkers_BothListeningAndSweeping_ReleaseEachHoldExactlyOnce()
    {
        using var recorder = new ExpiryDelayRecorder();
        // Both get every event and both sweep every shard five times a second: they race for every hold.
        var first = await TestWorker.StartAsync(api, ("Worker:SweepInterval", "00:00:00.200"));
        var second = await TestWorker.StartAsync(api, ("Worker:SweepInterval", "00:00:00.200"));
        try
        {
            var (productId, lastDeadline) = await ReserveWaveAsync();

            await ShouldAllComeBackByAsync(productId, lastDeadline + ReleaseDeadline);

            await Eventually.TrueAsync(() => Task.FromResult(recorder.Delays.Count >= Wave), TimeSpan.FromSeconds(5));
            output.WriteLine(recorder.Summary());
            recorder.Delays.Should().HaveCount(Wave, "a hold released twice would be counted twice");
        }
        finally
        {
            await Task.WhenAll(TestWorker.StopAsync(first), TestWorker.StopAsync(second));
        }
    }

    [Fact]
    public async Task SubscriberKilledDuringAWave_HoldsStillMeetTheDeadlineAndTheSubscriptionComesBack()
    {
        using var recorder = new ExpiryDelayRecorder();
        await using var admin = await ConnectionMultiplexer.ConnectAsync(api.RedisConnectionString + ",allowAdmin=true");
        var worker = await TestWorker.StartAsync(api);
        try
        {
            var (productId, lastDeadline) = await ReserveWaveAsync();
            await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > lastDeadline.AddMilliseconds(-300)), TimeSpan.FromSeconds(10));

            await admin.GetServers().Single().ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
            var killedAt = DateTimeOffset.UtcNow;

            await ShouldAllComeBackByAsync(productId, lastDeadline + ReleaseDeadline);
            await Eventually.TrueAsync(async () => await SubscribersAsync(admin) >= 1, killedAt.AddSeconds(5) - DateTimeOffset.UtcNow);
            output.WriteLine(recorder.Summary());
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task HundredThousandOtherVolatileKeys_ThousandHoldsStillMeetTheDeadline()
    {
        using var recorder = new ExpiryDelayRecorder();
        var db = api.Redis;
        var filler = Enumerable.Range(0, 100_000)
            .Select(i => db.StringSetAsync($"{api.KeyPrefix}-volatile:{i}", "x", TimeSpan.FromHours(1))).ToArray();
        await Task.WhenAll(filler);
        var worker = await TestWorker.StartAsync(api);
        try
        {
            var (productId, lastDeadline) = await ReserveWaveAsync();

            await ShouldAllComeBackByAsync(productId, lastDeadline + ReleaseDeadline);

            // Here the sweeper releases most holds, and records their delays after its pass over every shard.
            await Eventually.TrueAsync(() => Task.FromResult(recorder.Delays.Count >= Wave), TimeSpan.FromSeconds(5));
            output.WriteLine(recorder.Summary());
            recorder.Delays.Max(d => d.Ms).Should().BeLessThan(ReleaseDeadline.TotalMilliseconds);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
            await TestRedis.DeleteKeysAsync(api.Services.GetRequiredService<IConnectionMultiplexer>(), $"{api.KeyPrefix}-volatile");
        }
    }

    [Fact]
    public async Task NotificationsOffOnTheServer_TheSweeperStillMeetsTheDeadline()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(api.RedisConnectionString + ",allowAdmin=true");
        var server = admin.GetServers().Single();
        var flags = (await server.ConfigGetAsync("notify-keyspace-events")).Single().Value;
        await server.ConfigSetAsync("notify-keyspace-events", "");
        var worker = await TestWorker.StartAsync(api);
        try
        {
            (await worker.Services.GetRequiredService<IHoldExpiryEvents>().AreEnabledAsync(TestContext.Current.CancellationToken))
                .Should().BeFalse();
            var product = await api.CreateProductAsync(stock: 4, holdSeconds: 1);
            var hold = await api.CreateClient(Tokens.Customer("alice")).ReserveOkAsync(product.Id, quantity: 4);

            await ShouldAllComeBackByAsync(product.Id, hold.ExpiresAt + TimeSpan.FromSeconds(2));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
            await server.ConfigSetAsync("notify-keyspace-events", flags);
        }
    }

    private async Task<(Guid ProductId, DateTimeOffset LastDeadline)> ReserveWaveAsync()
    {
        var product = await api.CreateProductAsync(stock: Wave, holdSeconds: 2);
        var holds = await api.HoldManyAsync(product.Id, Wave, "wave");
        return (product.Id, holds.Max(h => h.ExpiresAt));
    }

    private async Task ShouldAllComeBackByAsync(Guid productId, DateTimeOffset deadline)
    {
        await Eventually.TrueAsync(async () => (await api.LedgerAsync(productId)).Held == 0, deadline - DateTimeOffset.UtcNow);
        var ledger = await api.LedgerAsync(productId);
        ledger.Available.Should().Be(ledger.TotalStock);
        ledger.ShouldBeBalanced();
    }

    private static async Task<long> SubscribersAsync(ConnectionMultiplexer admin)
    {
        var reply = (RedisResult[])(await admin.GetServers().Single().ExecuteAsync("PUBSUB", "NUMSUB", "__keyevent@0__:expired"))!;
        return (long)reply[1];
    }
}
