using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reservations.Application.Products;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// PostgreSQL crashes while purchases wait: they stay pending and all land, once, when it is back, brought by the
/// Worker's own backoff (the reclaim of abandoned entries is set out of reach).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class PostgresOutageTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private const int Purchases = 200;

    [Fact]
    public async Task PostgresDownWhilePurchasesArrive_EveryPurchaseLandsOnceAfterItIsBack()
    {
        var product = await api.CreateProductAsync(stock: Purchases);
        var gate = api.Services.GetRequiredService<IStockGate>();
        await PostgresServer.CrashAsync();
        var worker = await TestWorker.StartAsync(api, ("Redis:PendingReclaimAfter", "01:00:00"));
        try
        {
            await api.PurchaseAllAsync(await api.HoldManyAsync(product.Id, Purchases, "outage"));
            // The Worker has taken purchases and failed to persist them: they are pending in the consumer group (it
            // retries those and reads no more until they go through).
            await Eventually.TrueAsync(async () => await api.PendingPurchasesAsync(product.Id) > 0, TimeSpan.FromSeconds(30));
            (await gate.GetStockAsync(product.Id, TestContext.Current.CancellationToken))!.Purchasing.Should().Be(Purchases);

            await PostgresServer.StartAsync();

            // Backoff is capped at 5 s; each attempt may spend a few seconds in EF Core's own retries first.
            await Eventually.TrueAsync(
                async () => (await gate.GetStockAsync(product.Id, TestContext.Current.CancellationToken))!.Purchasing == 0,
                TimeSpan.FromSeconds(30));
        }
        finally
        {
            await PostgresServer.StartAsync();
            await TestWorker.StopAsync(worker);
        }

        NpgsqlConnection.ClearAllPools();
        (await api.PurchaseCountAsync(product.Id)).Should().Be(Purchases);
        (await api.PurchaseCountAsync(product.Id, distinct: true)).Should().Be(Purchases);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = Purchases, Purchasing = 0 });
        ledger.ShouldBeBalanced();
    }
}
