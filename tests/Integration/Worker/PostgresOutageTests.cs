using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reservations.Application.Common.Ports;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Worker;

/// <summary>PostgreSQL crashes while purchases wait: they stay pending and all land, once, when it is back.</summary>
[Collection(ServerWideFaults.Name)]
public sealed class PostgresOutageTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private const int Purchases = 200;

    [Fact]
    public async Task PostgresDownWhilePurchasesArrive_EveryPurchaseLandsOnceAfterItIsBack()
    {
        var product = await api.CreateProductAsync(stock: Purchases);
        var gate = api.Services.GetRequiredService<IInventoryGate>();
        await PostgresServer.CrashAsync();
        var worker = await TestWorker.StartAsync(api, ("Reservations:PendingReclaimAfter", "00:00:01"));
        try
        {
            var holds = await Task.WhenAll(Enumerable.Range(0, Purchases).Select(i => gate.ReserveAsync(
                new ReserveRequest(product.Id, CustomerId.From($"outage-{i}"), Quantity.From(1), null), TestContext.Current.CancellationToken)));
            await Task.WhenAll(holds.Select(h => gate.PurchaseAsync(h.Value.Id, h.Value.Customer, TestContext.Current.CancellationToken)));
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            (await gate.GetStockAsync(product.Id, TestContext.Current.CancellationToken))!.Purchasing.Should().Be(Purchases);

            await PostgresServer.StartAsync();

            await Eventually.TrueAsync(
                async () => (await gate.GetStockAsync(product.Id, TestContext.Current.CancellationToken))!.Purchasing == 0,
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            await PostgresServer.StartAsync();
            await TestWorker.StopAsync(worker);
        }

        NpgsqlConnection.ClearAllPools();
        (await api.OrderCountAsync(product.Id)).Should().Be(Purchases);
        (await api.OrderCountAsync(product.Id, distinct: true)).Should().Be(Purchases);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = Purchases, Purchasing = 0 });
        ledger.ShouldBeBalanced();
    }
}
