using System.Globalization;
using System.Net;
using Reservations.Application.Holds;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

[Collection(RunsAlone.Name)]
public sealed class HoldExpiryTests(ReservationsApiFactory api) : HoldExpirySuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RunsAlone.Name)]
public sealed class HoldExpiryOnClusterTests(ClusterApiFactory api) : HoldExpirySuite(api), IClassFixture<ClusterApiFactory>;

/// <summary>
/// Every hold past its deadline comes back within the release promise (sweep interval + 2 s), by event or by sweep.
/// These run alone: a deadline measured on a machine busy with other tests measures the other tests.
/// </summary>
public abstract class HoldExpirySuite(ReservationsApiFactory api)
{
    private static readonly TimeSpan FastSweep = TimeSpan.FromMilliseconds(500);
    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer("alice"));

    [Fact]
    public async Task KeyspaceEvent_WithTheSweeperOff_BringsAHoldBackWithinTheMarginOfRedisExpiringItsKey()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var worker = await TestWorker.StartAsync(api, ("Worker:SweepEnabled", "false"));
        try
        {
            var hold = await _alice.ReserveOkAsync(product.Id, quantity: 2);

            await api.ExpireDueKeysAsync(hold);

            await ShouldComeBackByAsync(product.Id, DateTimeOffset.UtcNow + WorkerOptions.ReleaseMargin);

            await ShouldReadExpiredAsync(hold.Id);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task KeyspaceEvents_WithTheSweeperOff_BringBackHoldsOfSeveralSecondsAndShards()
    {
        var first = await api.CreateProductAsync(stock: 4, holdSeconds: 1);
        var second = await api.CreateProductAsync(stock: 4, holdSeconds: 2);
        while (api.Keys.ShardOf(second.Id) == api.Keys.ShardOf(first.Id))
        {
            second = await api.CreateProductAsync(stock: 4, holdSeconds: 2);
        }

        var worker = await TestWorker.StartAsync(api, ("Worker:SweepEnabled", "false"));
        try
        {
            var holds = new[]
            {
                await _alice.ReserveOkAsync(first.Id, quantity: 2), await _alice.ReserveOkAsync(second.Id, quantity: 3),
                await api.CreateClient(Tokens.Customer("bob")).ReserveOkAsync(first.Id, quantity: 1),
            };

            await api.ExpireDueKeysAsync(holds);

            var by = DateTimeOffset.UtcNow + WorkerOptions.ReleaseMargin;
            await ShouldComeBackByAsync(first.Id, by);
            await ShouldComeBackByAsync(second.Id, by);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task Sweeper_WithEventsOff_CatchesUpOnMoreDueHoldsThanOneScriptCallPops()
    {
        var product = await api.CreateProductAsync(stock: 450, holdSeconds: 1);
        var worker = await TestWorker.StartAsync(api,
            ("Worker:KeyspaceEvents", "false"), ("Worker:SweepInterval", FastSweep.ToString()));
        try
        {
            var holds = await api.HoldManyAsync(product.Id, 450, "many");

            await ShouldComeBackByAsync(product.Id, holds.Max(h => h.ExpiresAt) + new WorkerOptions { SweepInterval = FastSweep }.ReleasePromise);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task Sweeper_WithTheWorkerNotListening_BringsHoldsBackWithinTheReleasePromise()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var worker = await TestWorker.StartAsync(api,
            ("Worker:KeyspaceEvents", "false"), ("Worker:SweepInterval", FastSweep.ToString()));
        try
        {
            var hold = await _alice.ReserveOkAsync(product.Id, quantity: 3);

            await ShouldComeBackByAsync(product.Id, hold.ExpiresAt + new WorkerOptions { SweepInterval = FastSweep }.ReleasePromise);

            await ShouldReadExpiredAsync(hold.Id);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task WorkerStart_AfterHoldsExpiredWhileNoWorkerRan_BringsAllStockBack()
    {
        var product = await api.CreateProductAsync(stock: 20, holdSeconds: 1);
        var holds = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            api.CreateClient(Tokens.Customer($"gone-{i}")).ReserveOkAsync(product.Id, quantity: 2)));
        var lastDeadline = holds.Max(h => h.ExpiresAt);
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > lastDeadline.AddMilliseconds(200)), lastDeadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        (await api.LedgerAsync(product.Id)).Held.Should().Be(20, "no Worker and no reserve has released them yet");

        var worker = await TestWorker.StartAsync(api);
        try
        {
            // The Worker sweeps once as it starts, so the promise counts from its start.
            await ShouldComeBackByAsync(product.Id, DateTimeOffset.UtcNow + new WorkerOptions().ReleasePromise);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task Worker_WithAMetricsPort_ServesTheExpiryDelayToPrometheus()
    {
        var port = FreePort.Next();
        var product = await api.CreateProductAsync(stock: 1, holdSeconds: 1);
        var worker = await TestWorker.StartAsync(api,
            ("Prometheus:Port", port.ToString(CultureInfo.InvariantCulture)), ("Prometheus:Host", "127.0.0.1"));
        try
        {
            var hold = await _alice.ReserveOkAsync(product.Id);
            await ShouldComeBackByAsync(product.Id, hold.ExpiresAt + new WorkerOptions().ReleasePromise);
            using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            var scrape = await scraper.ScrapeUntilAsync("reservations_hold_expiry_delay_milliseconds_count");

            scrape.Should().MatchRegex("""reservations_hold_expiry_delay_milliseconds_count\{[^}]*path="(event|sweep)"[^}]*\} [1-9]""");
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task Sweeper_WithOneShardsBucketOfTheWrongType_ReportsThatShardAndBringsTheOtherShardsHoldsBackWithinTheReleasePromise()
    {
        // The corrupt shard comes first in the sweep's order, so that its failure would stop the pass before the other.
        var corrupt = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        while (api.Keys.ShardOf(corrupt.Id) == api.Keys.Shards - 1)
        {
            corrupt = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        }

        var healthy = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        while (api.Keys.ShardOf(healthy.Id) <= api.Keys.ShardOf(corrupt.Id))
        {
            healthy = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        }

        var corruptShard = api.Keys.ShardOf(corrupt.Id);
        var stuck = await _alice.ReserveOkAsync(corrupt.Id);
        var bucket = api.Bucket(corruptShard, ExpiryKeys.BucketSecond(stuck.ExpiresAt));
        var ids = await api.Redis.ListRangeAsync(bucket);
        await api.Redis.KeyDeleteAsync(bucket);
        await api.Redis.StringSetAsync(bucket, "not a list");
        var port = FreePort.Next();
        var worker = await TestWorker.StartAsync(api,
            ("Worker:KeyspaceEvents", "false"), ("Worker:SweepInterval", FastSweep.ToString()),
            ("Prometheus:Port", port.ToString(CultureInfo.InvariantCulture)), ("Prometheus:Host", "127.0.0.1"));
        try
        {
            var hold = await _alice.ReserveOkAsync(healthy.Id, quantity: 2);

            await ShouldComeBackByAsync(healthy.Id, hold.ExpiresAt + new WorkerOptions { SweepInterval = FastSweep }.ReleasePromise);

            (await api.LedgerAsync(corrupt.Id)).Held.Should().Be(1, "the corrupt shard's due holds wait until its bucket is repaired");
            using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var scrape = await scraper.ScrapeUntilAsync("reservations_hold_expiry_failures_total");
            scrape.Should().MatchRegex($$"""reservations_hold_expiry_failures_total\{[^}]*shard="{{corruptShard}}"[^}]*\} [1-9]""");

            await RepairAsync(bucket, ids);
            await ShouldComeBackByAsync(corrupt.Id, DateTimeOffset.UtcNow + new WorkerOptions { SweepInterval = FastSweep }.ReleasePromise);
        }
        finally
        {
            await RepairAsync(bucket, ids);
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task Sweeper_WithACorruptHoldAmongDueHolds_SetsItAsideAndBringsTheOthersBackWithinTheReleasePromise()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var shard = api.Keys.ShardOf(product.Id);
        var port = FreePort.Next();
        var worker = await TestWorker.StartAsync(api,
            ("Worker:KeyspaceEvents", "false"), ("Worker:SweepInterval", FastSweep.ToString()),
            ("Prometheus:Port", port.ToString(CultureInfo.InvariantCulture)), ("Prometheus:Host", "127.0.0.1"));
        try
        {
            var holds = await api.HoldManyAsync(product.Id, 3, "among");
            await api.CorruptHoldAsync(holds[1].Id, "unknown-product");

            var by = holds.Max(h => h.ExpiresAt) + new WorkerOptions { SweepInterval = FastSweep }.ReleasePromise;
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Held == 1, by - DateTimeOffset.UtcNow);

            var ledger = await api.LedgerAsync(product.Id);
            ledger.Should().BeEquivalentTo(new { Available = 4, Held = 1 }, "the unit of the hold set aside stays held until an operator settles it");
            ledger.ShouldBeBalanced();
            var field = RedisKeys.HoldField(holds[1].Id);
            var entry = (await api.Redis.StreamRangeAsync(api.Keys.Quarantine(shard)))
                .Where(e => ((byte[])e["hold"]!).SequenceEqual(field)).Should().ContainSingle().Subject;
            ((string?)entry["reason"]).Should().Be("its product has no stock in this shard");
            using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var scrape = await scraper.ScrapeUntilAsync("reservations_hold_quarantined_total");
            scrape.Should().MatchRegex("""reservations_hold_quarantined_total(\{[^}]*\})? [1-9]""");
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    private async Task RepairAsync(RedisKey bucket, RedisValue[] ids)
    {
        if (await api.Redis.KeyTypeAsync(bucket) == RedisType.String)
        {
            await api.Redis.KeyDeleteAsync(bucket);
            await api.Redis.ListRightPushAsync(bucket, ids);
        }
    }

    private async Task ShouldComeBackByAsync(Guid productId, DateTimeOffset deadline)
    {
        await Eventually.TrueAsync(async () => (await api.LedgerAsync(productId)).Held == 0, deadline - DateTimeOffset.UtcNow);
        var ledger = await api.LedgerAsync(productId);
        ledger.Available.Should().Be(ledger.TotalStock);
        ledger.ShouldBeBalanced();
    }

    private async Task ShouldReadExpiredAsync(Guid holdId) =>
        (await (await _alice.GetReservationAsync(holdId)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Expired);
}
