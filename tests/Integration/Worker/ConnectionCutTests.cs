using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Products;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker.Purchases;

namespace Reservations.IntegrationTests.Worker;

/// <summary>The Worker's PostgreSQL connections are cut again and again while it commits: no order twice, none missing.</summary>
public sealed class ConnectionCutTests(ReservationsApiFactory api, ITestOutputHelper output) : IClassFixture<ReservationsApiFactory>
{
    // Several of the Worker's batches, so that commits go on while the cuts do.
    private const int Purchases = 4 * PurchasePersister.BatchSize;

    [Fact]
    public async Task BackendsTerminatedDuringCommits_EveryPurchaseLandsExactlyOnce()
    {
        var product = await api.CreateProductAsync(stock: Purchases);
        var gate = api.Services.GetRequiredService<IStockGate>();
        await api.PurchaseAllAsync(await api.HoldManyAsync(product.Id, Purchases, "cut"));

        var worker = await TestWorker.StartAsync(api, ("Redis:PendingReclaimAfter", "00:00:01"));
        var cuts = 0;
        try
        {
            // Cut for as long as half of the purchases are still waiting, then let the Worker finish.
            while ((await gate.GetStockAsync(product.Id, TestContext.Current.CancellationToken))!.Purchasing > Purchases / 2)
            {
                cuts += await api.ScalarAsync<int>(
                    "SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            await Eventually.TrueAsync(
                async () => (await gate.GetStockAsync(product.Id, TestContext.Current.CancellationToken))!.Purchasing == 0, TimeSpan.FromSeconds(60));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        output.WriteLine($"{cuts} backends terminated while the Worker persisted {Purchases} purchases");
        cuts.Should().BePositive();
        (await api.PurchaseCountAsync(product.Id)).Should().Be(Purchases);
        (await api.PurchaseCountAsync(product.Id, distinct: true)).Should().Be(Purchases);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = Purchases, Purchasing = 0 });
        ledger.ShouldBeBalanced();
    }
}
