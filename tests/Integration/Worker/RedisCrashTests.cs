using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// Redis killed with SIGKILL in the middle of a purchase wave, no Worker running (so the acknowledged purchases live only
/// in Redis), then restarted from its append-only file: every purchase it acknowledged reaches PostgreSQL, once.
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
        var gate = api.Services.GetRequiredService<IInventoryGate>();
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

        var orders = await api.OrderIdsAsync(product.Id);
        output.WriteLine($"{acknowledgedBeforeKill} purchases acknowledged before the kill, {acknowledged.Count} in all, " +
            $"{failed} failed with the connection, {orders.Count} orders in PostgreSQL");
        orders.Should().Contain(acknowledged, "Redis fsyncs every write before it answers (appendfsync always)");
        (await api.OrderCountAsync(product.Id)).Should().Be(orders.Count, "no purchase is persisted twice");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = orders.Count, Purchasing = 0, Held = Holds - orders.Count });
        ledger.ShouldBeBalanced();
    }
}
