using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Products.Reconcile;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Worker;

public sealed class LedgerReconcilerTests(ReservationsApiFactory api) : LedgerReconcilerSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class LedgerReconcilerOnClusterTests(ClusterApiFactory api) : LedgerReconcilerSuite(api), IClassFixture<ClusterApiFactory>;

public abstract class LedgerReconcilerSuite(ReservationsApiFactory api)
{
    [Fact]
    public async Task Reconcile_ReportsAProductWhoseRedisStockDriftedAndRepairsNothing()
    {
        var healthy = await api.CreateProductAsync(stock: 10);
        await api.CreateClient(Tokens.Customer("alice")).ReserveOkAsync(healthy.Id, quantity: 2);
        var drifted = await api.CreateProductAsync(stock: 10);
        var keys = api.Keys;
        await api.Redis.HashIncrementAsync(keys.Stock(keys.ShardOf(drifted.Id)), RedisKeys.StockField(drifted.Id, 'a'), 3);
        var worker = await TestWorker.StartAsync(api);
        try
        {
            await using var scope = worker.Services.CreateAsyncScope();

            var unbalanced = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new ReconcileLedgersCommand(), TestContext.Current.CancellationToken);

            unbalanced.Should().Equal(drifted.Id);
            (await api.LedgerAsync(drifted.Id)).Should().BeEquivalentTo(new { Available = 13, Balanced = false });
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }
}
