using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// Redis killed with SIGKILL and restarted from its append-only file: in the middle of a purchase wave (every purchase
/// it acknowledged reaches PostgreSQL, once), and while held stock was due (every overdue hold comes back, once).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class RedisCrashTests(ReservationsApiFactory api, ITestOutputHelper output) : IClassFixture<ReservationsApiFactory>
{
    private const int Holds = 600;
    private const int KillAfter = 200;

    [Fact]
    public async Task RedisKilledDuringPurchases_RestartedFromItsAppendOnlyFile_EveryAcknowledgedPurchaseReachesPostgres()
    {
        var product = await api.CreateProductAsync(stock: Holds);
        var holds = await api.HoldManyAsync(product.Id, Holds, "aof");
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var acknowledged = new ConcurrentBag<Guid>();
        var failed = 0;
        int acknowledgedBeforeKill;
        try
        {
            var purchases = Task.WhenAll(holds.Chunk(Holds / 8).Select(async chunk =>
            {
                foreach (var hold in chunk)
                {
                    try
                    {
                        if ((await gate.PurchaseAsync(hold.Id, hold.Customer, TestContext.Current.CancellationToken)).IsSuccess)
                        {
                            acknowledged.Add(hold.Id);
                        }
                    }
                    catch (Exception e) when (e is RedisException or TimeoutException)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }));
            await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count >= KillAfter), TimeSpan.FromSeconds(30));
            await RedisServer.KillAsync();
            acknowledgedBeforeKill = acknowledged.Count;
            await RedisServer.StartAsync();
            await purchases;
        }
        finally
        {
            await RedisServer.StartAsync();
        }

        var worker = await TestWorker.StartAsync(api);
        try
        {
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Purchasing == 0, TimeSpan.FromSeconds(60));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        var orders = await api.PurchaseIdsAsync(product.Id);
        output.WriteLine($"{acknowledgedBeforeKill} purchases acknowledged before the kill, {acknowledged.Count} in all, " +
            $"{failed} failed with the connection, {orders.Count} orders in PostgreSQL");
        orders.Should().Contain(acknowledged, "Redis fsyncs every write before it answers (appendfsync always)");
        (await api.PurchaseCountAsync(product.Id)).Should().Be(orders.Count, "no purchase is persisted twice");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = orders.Count, Purchasing = 0, Held = Holds - orders.Count });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task RedisDownPastTheDeadlines_RestartedFromItsAppendOnlyFile_ReleasesEveryOverdueHoldOnce()
    {
        var product = await api.CreateProductAsync(stock: 50, holdSeconds: 1);
        var worker = await TestWorker.StartAsync(api);
        try
        {
            var holds = await api.HoldManyAsync(product.Id, 30, "overdue");
            await api.PurchaseAllAsync(holds.Take(10));
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)) is { Sold: 10, Purchasing: 0 }, TimeSpan.FromSeconds(15));
            await RedisServer.KillAsync();
            try
            {
                // Down until every deadline (and every expiry marker's TTL) has passed: no event can announce these.
                await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            }
            finally
            {
                await RedisServer.StartAsync();
            }

            // The Worker's connection comes back within a few seconds; its sweeper then keeps the release promise.
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Held == 0, TimeSpan.FromSeconds(15));
            var ledger = await api.LedgerAsync(product.Id);
            ledger.Should().BeEquivalentTo(new { TotalStock = 50, Sold = 10, Purchasing = 0, Held = 0, Available = 40 },
                "each of the 20 overdue holds gave its unit back exactly once");
            ledger.ShouldBeBalanced();
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }
}
