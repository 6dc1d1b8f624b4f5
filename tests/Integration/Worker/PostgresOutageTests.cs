using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reservations.Application.Common.Ports;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Worker;

/// <summary>PostgreSQL crashes while purchases wait: they stay pending and all land, once, when it is back.</summary>
[Collection(ServerWideFaults.Name)]
public sealed class PostgresOutageTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private const int Purchases = 200;

    private async Task<long> PendingAsync(Guid productId)
    {
        var keys = new RedisKeys(api.KeyPrefix, 16);
        return (await api.Redis.StreamPendingAsync(keys.Purchases(keys.ShardOf(productId)), "persisters")).PendingMessageCount;
    }

    [Fact]
    public async Task PostgresDownWhilePurchasesArrive_EveryPurchaseLandsOnceAfterItIsBack()
    {
        var product = await api.CreateProductAsync(stock: Purchases);
        var gate = api.Services.GetRequiredService<IInventoryGate>();
        await PostgresServer.CrashAsync();
        var worker = await TestWorker.StartAsync(api, ("Reservations:PendingReclaimAfter", "00:00:01"));
        try
        {
            await api.PurchaseAllAsync(await api.HoldManyAsync(product.Id, Purchases, "outage"));
            // The Worker has taken every purchase and failed to persist it: all are pending in the consumer group.
            await Eventually.TrueAsync(async () => await PendingAsync(product.Id) == Purchases, TimeSpan.FromSeconds(30));
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
