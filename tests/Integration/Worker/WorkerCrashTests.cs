using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker.Purchases;

namespace Reservations.IntegrationTests.Worker;

/// <summary>The Worker killed with SIGKILL while persisting: every purchase still lands once.</summary>
public sealed class WorkerCrashTests(ReservationsApiFactory api, ITestOutputHelper output) : IClassFixture<ReservationsApiFactory>
{
    // Twenty of the Worker's batches: it is killed once its first is in, far from its last, however fast it persists.
    private const int Purchases = 20 * PurchasePersister.BatchSize;

    [Fact]
    public async Task WorkerKilledMidPersistence_ThenRestarted_PersistsEveryPurchaseExactlyOnce()
    {
        var product = await api.CreateProductAsync(stock: Purchases);
        await api.PurchaseAllAsync(await api.HoldManyAsync(product.Id, Purchases, "crash"));

        using (var first = WorkerProcess.Start(api))
        {
            await Eventually.TrueAsync(async () => await api.PurchaseCountAsync(product.Id) >= 50,
                TimeSpan.FromSeconds(30));
            first.Kill();
        }

        var beforeRestart = await api.PurchaseCountAsync(product.Id);
        output.WriteLine($"{beforeRestart} of {Purchases} purchases persisted when the Worker was killed");
        beforeRestart.Should().BeLessThan(Purchases, "the Worker was killed in the middle");
        using (WorkerProcess.Start(api, ("Redis:PendingReclaimAfter", "00:00:01")))
        {
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Purchasing == 0, TimeSpan.FromSeconds(60));
        }

        (await api.PurchaseCountAsync(product.Id)).Should().Be(Purchases);
        (await api.PurchaseCountAsync(product.Id, distinct: true)).Should().Be(Purchases);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = Purchases, Purchasing = 0, Available = 0, Held = 0 });
        ledger.ShouldBeBalanced();
    }
}
