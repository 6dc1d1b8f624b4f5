using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Application.Products.AdjustStock;
using Reservations.Domain.Products;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// An API that dies between the two steps of an adjustment leaves it pending; the Worker completes it, whether or not
/// Redis already had it, and reverts it only when Redis refuses it.
/// </summary>
public sealed class PendingAdjustmentTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task RecordedButNeverApplied_TheWorkerAppliesIt()
    {
        var product = await api.CreateProductAsync(stock: 100);
        var adjustment = await api.RecordOnlyAsync(product.Id, 5);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { TotalStock = 105, Available = 100, Balanced = false });

        await CompleteAsync(product.Id);

        (await AdjustmentAsync(product.Id, adjustment.Id)).Status.Should().Be(StockAdjustmentStatus.Applied);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 105, Available = 105 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task AppliedInRedisButNeverMarked_TheWorkerMarksIt_WithoutApplyingItTwice()
    {
        var product = await api.CreateProductAsync(stock: 100);
        var adjustment = await api.RecordOnlyAsync(product.Id, -5);
        var first = await api.Services.GetRequiredService<IStockGate>().ApplyAdjustmentAsync(adjustment, TestContext.Current.CancellationToken);
        first.Should().Be(new AdjustmentApplication(AdjustmentOutcome.Applied, 95));

        await CompleteAsync(product.Id);

        (await AdjustmentAsync(product.Id, adjustment.Id)).Status.Should().Be(StockAdjustmentStatus.Applied);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 95, Available = 95 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task APendingRemovalRedisRefuses_TheWorkerRevertsTheTotal()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.CreateClient(Tokens.Customer("carol")).ReserveOkAsync(product.Id, quantity: 8);
        var adjustment = await api.RecordOnlyAsync(product.Id, -5);

        await CompleteAsync(product.Id);

        (await AdjustmentAsync(product.Id, adjustment.Id)).Status.Should().Be(StockAdjustmentStatus.Reverted);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 10, Available = 2, Held = 8 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task WithoutGateState_StaysPending_UntilTheWarmUpCreatesTheStateWithoutIt_ThenApplies()
    {
        var product = await api.CreateProductAsync(stock: 100);
        var stock = api.Keys.Stock(api.Keys.ShardOf(product.Id));
        await api.Redis.HashDeleteAsync(stock, [.. "ahp".Select(c => (RedisValue)RedisKeys.StockField(product.Id, c))]);

        var response = await api.CreateClient(Tokens.Admin()).AdjustStockAsync(product.Id, 5);

        (await response.ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Accepted)).Status.Should().Be(StockAdjustmentStatus.Pending);
        await CompleteAsync(product.Id);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 105, Available = 105 });
        ledger.ShouldBeBalanced();
    }

    private async Task CompleteAsync(Guid productId)
    {
        var worker = await api.StartCompletingWorkerAsync();
        try
        {
            await api.UntilNonePendingAsync(productId);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    private async Task<StockAdjustment> AdjustmentAsync(Guid productId, Guid adjustmentId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ICatalog>()
            .FindAdjustmentAsync(productId, adjustmentId, TestContext.Current.CancellationToken))!;
    }
}
