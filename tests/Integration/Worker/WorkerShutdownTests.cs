using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker.Purchases;

namespace Reservations.IntegrationTests.Worker;

/// <summary>The Worker stopped with SIGTERM while persisting: it finishes its batches, acknowledges them, and exits.</summary>
public sealed class WorkerShutdownTests(ReservationsApiFactory api, ITestOutputHelper output) : IClassFixture<ReservationsApiFactory>
{
    // Twenty of the Worker's batches: it is stopped once its first is in, far from its last, however fast it persists.
    private const int Purchases = 20 * PurchasePersister.BatchSize;

    [Fact]
    public async Task SigtermMidPersistence_FinishesTheBatchLeavesNothingCommittedUnacknowledgedAndExitsCleanly()
    {
        var product = await api.CreateProductAsync(stock: Purchases);
        await api.PurchaseAllAsync(await api.HoldManyAsync(product.Id, Purchases, "sigterm"));

        using (var worker = WorkerProcess.Start(api))
        {
            await Eventually.TrueAsync(async () => await api.PurchaseCountAsync(product.Id) >= 50, TimeSpan.FromSeconds(30));
            (await worker.TerminateAsync(TimeSpan.FromSeconds(20))).Should().Be(0);
        }

        var persisted = await api.PurchaseIdsAsync(product.Id);
        var waiting = await api.WaitingPurchasesAsync(product.Id);
        output.WriteLine($"{persisted.Count} of {Purchases} purchases persisted when the Worker stopped");
        persisted.Count.Should().BeLessThan(Purchases, "the Worker was stopped in the middle");
        (await api.PendingPurchasesAsync(product.Id)).Should().Be(0, "every batch the Worker had read was finished");
        persisted.Should().NotIntersectWith(waiting, "what was committed was acknowledged");
        persisted.Union(waiting).Should().HaveCount(Purchases, "nothing was lost");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = persisted.Count, Purchasing = waiting.Count });
        ledger.ShouldBeBalanced();
    }
}
