using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;
using Reservations.WebApi.Auth;
using Reservations.Worker;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Cluster;

/// <summary>
/// A primary dies (SIGKILL) while customers reserve and buy on every primary: its replica takes over, the API and
/// the Worker carry on without a restart, every ledger balances, and every acknowledged purchase reaches PostgreSQL —
/// or, where asynchronous replication lost it, the test finds it and says so.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class FailoverTests(UnthrottledClusterApiFactory api, ITestOutputHelper output) : IClassFixture<UnthrottledClusterApiFactory>
{
    private const int Customers = 8;
    private const int PurchasesBeforeAndAfter = 150;

    [Fact]
    public async Task APrimaryKilledDuringTraffic_IsReplacedByItsReplica_AndTheSystemRecoversWithoutARestart()
    {
        var report = await KillAPrimaryDuringTrafficAsync(api);

        // Replication is asynchronous: a purchase the primary answered and died before sending on is gone from the
        // cluster too. The system must then agree with itself: the purchase is nowhere, not half-persisted.
        foreach (var lost in report.Lost)
        {
            var read = await api.CreateClient(Tokens.Customer(lost.Customer)).GetReservationAsync(lost.Hold);
            if (read.StatusCode == HttpStatusCode.OK)
            {
                (await read.ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK)).Status
                    .Should().NotBe(HoldStatus.Purchased).And.NotBe(HoldStatus.Completed);
            }
        }
    }

    [Fact]
    public async Task WithPurchaseReplicas1_NoAcknowledgedPurchaseIsLostInAFailover()
    {
        await using var waitsForItsReplica = api.WithWebHostBuilder(b => b.UseSetting("Redis:PurchaseReplicas", "1"));

        var report = await KillAPrimaryDuringTrafficAsync(waitsForItsReplica);

        report.Lost.Should().BeEmpty("a purchase is answered only once the replica that took over had it");
    }

    private async Task<FailoverReport> KillAPrimaryDuringTrafficAsync(WebApplicationFactory<AuthOptions> instance)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisCluster.ConnectAdminAsync();
        await RedisCluster.WaitUntilHealthyAsync(redis, TimeSpan.FromSeconds(30));
        var products = await RedisCluster.ProductsOnEveryPrimaryAsync(api, stock: 100_000);
        var victim = products[0].Primary;
        var probe = await ProductOnAsync(victim);
        var worker = await TestWorker.StartAsync(api, ("Worker:SweepEnabled", "false"));
        var traffic = new Traffic(instance, [.. products.Select(p => p.Product.Id)], products[0].Product.Id);
        var killed = false;
        var running = traffic.RunAsync(ct);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(traffic.Acknowledged.Count >= PurchasesBeforeAndAfter), TimeSpan.FromSeconds(30));

            await RedisCluster.KillAsync(victim.EndPoint!);
            killed = true;
            traffic.MarkKilled();
            await Eventually.TrueAsync(() => Task.FromResult(traffic.RecoveredAfter is not null), TimeSpan.FromSeconds(30));
            var acknowledgedAtRecovery = traffic.Acknowledged.Count;
            await Eventually.TrueAsync(
                () => Task.FromResult(traffic.Acknowledged.Count >= acknowledgedAtRecovery + PurchasesBeforeAndAfter), TimeSpan.FromSeconds(30));
            await traffic.StopAsync(running);
            running = Task.CompletedTask;

            // The listener followed the topology: a hold on the promoted replica comes back by its expiry event alone.
            var hold = await api.CreateClient(Tokens.Customer("probe")).ReserveOkAsync(probe.Id);
            await api.ExpireDueKeysAsync(hold);
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(probe.Id)).Held == 0, WorkerOptions.ReleaseMargin);

            await Eventually.TrueAsync(async () =>
            {
                var ledgers = await Task.WhenAll(products.Select(p => api.LedgerAsync(p.Product.Id)));
                return ledgers.All(l => l.Purchasing == 0);
            }, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await traffic.StopAsync(running);
            await TestWorker.StopAsync(worker);
            if (killed)
            {
                await RedisCluster.StartAsync(victim.EndPoint!);
                await RedisCluster.WaitUntilHealthyAsync(redis, TimeSpan.FromSeconds(60));
            }
        }

        var persisted = new HashSet<Guid>();
        foreach (var (product, _) in products)
        {
            persisted.UnionWith(await api.PurchaseIdsAsync(product.Id));
            (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
        }

        var report = new FailoverReport(traffic, [.. traffic.Acknowledged.Where(a => !persisted.Contains(a.Hold))]);
        output.WriteLine(report.ToString());
        report.RecoveredAfter.Should().BeLessThan(TimeSpan.FromSeconds(15));
        return report;
    }

    private async Task<ProductResponse> ProductOnAsync(ClusterNode primary)
    {
        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var product = await api.CreateProductAsync(stock: 1, holdSeconds: 1);
            if (redis.HashSlot(api.Keys.Stock(api.Keys.ShardOf(product.Id))) is var slot
                && primary.Slots.Any(range => range.From <= slot && slot <= range.To))
            {
                return product;
            }
        }

        throw new InvalidOperationException($"No product landed on a shard of {primary.EndPoint}.");
    }

    private sealed record Purchase(Guid Hold, string Customer);

    private sealed record FailoverReport(Traffic Traffic, IReadOnlyList<Purchase> Lost)
    {
        public TimeSpan? RecoveredAfter => Traffic.RecoveredAfter;

        public override string ToString() =>
            $"reserve/purchase answers: {string.Join(", ", Traffic.Statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}×{s.Value}"))}; " +
            $"acknowledged purchases {Traffic.Acknowledged.Count}, lost by the failover {Lost.Count}; " +
            $"the killed primary's shard served again {RecoveredAfter?.TotalSeconds:0.00} s after the kill";
    }

    /// <summary>Customers reserving one unit and buying it, round the products, as fast as the answers come.</summary>
    private sealed class Traffic(WebApplicationFactory<AuthOptions> instance, Guid[] products, Guid onVictim)
    {
        private readonly CancellationTokenSource _stop = new();
        private long _killedAt;
        private long _recoveredAt;

        public ConcurrentBag<Purchase> Acknowledged { get; } = [];

        public ConcurrentDictionary<HttpStatusCode, int> Statuses { get; } = new();

        public TimeSpan? RecoveredAfter => Volatile.Read(ref _recoveredAt) is var at and > 0
            ? Stopwatch.GetElapsedTime(_killedAt, at)
            : null;

        public void MarkKilled() => Volatile.Write(ref _killedAt, Stopwatch.GetTimestamp());

        public Task RunAsync(CancellationToken ct) =>
            Task.WhenAll(Enumerable.Range(0, Customers).Select(c => Task.Run(() => CustomerAsync($"buyer-{c}", c, ct), ct)));

        public async Task StopAsync(Task running)
        {
            await _stop.CancelAsync();
            await running;
        }

        private async Task CustomerAsync(string customer, int start, CancellationToken ct)
        {
            var client = instance.CreateClient(Tokens.Customer(customer));
            for (var i = start; !_stop.IsCancellationRequested && !ct.IsCancellationRequested; i++)
            {
                var product = products[i % products.Length];
                var sentAt = Stopwatch.GetTimestamp();
                using var reserve = await client.ReserveAsync(product);
                Count(reserve.StatusCode);
                if (reserve.StatusCode != HttpStatusCode.Created)
                {
                    continue;
                }

                if (product == onVictim && Volatile.Read(ref _killedAt) is > 0 and var killedAt && sentAt > killedAt)
                {
                    Interlocked.CompareExchange(ref _recoveredAt, Stopwatch.GetTimestamp(), 0);
                }

                var hold = await reserve.ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);
                using var purchase = await client.PurchaseAsync(hold.Id);
                Count(purchase.StatusCode);
                if (purchase.StatusCode == HttpStatusCode.OK)
                {
                    Acknowledged.Add(new Purchase(hold.Id, customer));
                }
            }
        }

        private void Count(HttpStatusCode status) => Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
    }
}
