using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Purchases.Persist;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Worker;

public sealed class PurchasePersistenceTests(ReservationsApiFactory api, ITestOutputHelper output) : PurchasePersistenceSuite(api, output), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class PurchasePersistenceOnClusterTests(ClusterApiFactory api, ITestOutputHelper output) : PurchasePersistenceSuite(api, output), IClassFixture<ClusterApiFactory>;

/// <summary>Every purchase the gate acknowledged reaches PostgreSQL exactly once, or waits, visible, in the dead letters.</summary>
public abstract class PurchasePersistenceSuite(ReservationsApiFactory api, ITestOutputHelper output)
{
    [Fact]
    public async Task Purchases_ArePersistedOnceAndTheLedgerMovesFromPurchasingToSold()
    {
        var product = await api.CreateProductAsync(stock: 100);
        var buyers = Enumerable.Range(0, 40).Select(i => api.CreateClient(Tokens.Customer($"buyer-{i}"))).ToArray();
        var holds = await Task.WhenAll(buyers.Select(b => b.ReserveOkAsync(product.Id, quantity: 2)));
        await Task.WhenAll(holds.Select((h, i) => buyers[i].PurchaseAsync(h.Id)));
        (await api.LedgerAsync(product.Id)).Purchasing.Should().Be(80);

        var worker = await TestWorker.StartAsync(api);
        try
        {
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Sold == 80, TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Purchasing = 0, Sold = 80, Available = 20, Held = 0 });
        ledger.ShouldBeBalanced();
        (await api.PurchaseCountAsync(product.Id)).Should().Be(40);
        (await (await buyers[0].GetReservationAsync(holds[0].Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Completed);
    }

    [Fact]
    public async Task AWorkerDeadBetweenCommitAndAcknowledgement_LeavesAPurchaseTheNextWorkerFinishesWithoutASecondOrder()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var alice = api.CreateClient(Tokens.Customer("alice"));
        var hold = await alice.ReserveOkAsync(product.Id, quantity: 3);
        await alice.PurchaseAsync(hold.Id);
        var ct = TestContext.Current.CancellationToken;

        // The test plays the Worker that dies: it takes the purchase, commits it, and never acknowledges it.
        var taken = await api.Services.GetRequiredService<IPurchaseOutbox>().ReadAsync(ShardOf(product.Id), 10, ct);
        using (var scope = api.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<IPurchaseStore>().PersistAsync(taken, ct)).Outcomes
                .Should().Equal(PersistOutcome.Persisted);
        }

        var worker = await TestWorker.StartAsync(api, ("Redis:PendingReclaimAfter", "00:00:01"));
        try
        {
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Purchasing == 0, TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        (await api.PurchaseCountAsync(product.Id)).Should().Be(1);
        (await api.ScalarAsync<int>($"SELECT sold FROM products WHERE id = '{product.Id}'")).Should().Be(3);
        (await (await alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Completed);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Sold = 3, Purchasing = 0 });
    }

    [Fact]
    public async Task APurchasePostgresRefuses_GoesToTheDeadLettersAndBackAfterTheFix()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var alice = api.CreateClient(Tokens.Customer("alice"));
        var hold = await alice.ReserveOkAsync(product.Id, quantity: 4);
        await alice.PurchaseAsync(hold.Id);
        await api.ExecuteAsync($"UPDATE products SET total_stock = 2 WHERE id = '{product.Id}'");
        var outbox = api.Services.GetRequiredService<IPurchaseOutbox>();

        var worker = await TestWorker.StartAsync(api);
        try
        {
            await Eventually.TrueAsync(async () => (await outbox.ListDeadLettersAsync(TestContext.Current.CancellationToken))
                .Any(d => d.Purchase.HoldId == hold.Id), TimeSpan.FromSeconds(10));
            var deadLetter = (await outbox.ListDeadLettersAsync(TestContext.Current.CancellationToken)).Single(d => d.Purchase.HoldId == hold.Id);
            deadLetter.Reason.Should().Contain("ck_products_sold_within_stock");
            (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Purchasing = 4, DeadLettered = 4, Sold = 0 });

            await api.ExecuteAsync($"UPDATE products SET total_stock = 10 WHERE id = '{product.Id}'");
            (await outbox.RetryDeadLetterAsync(hold.Id, TestContext.Current.CancellationToken)).Should().BeTrue();

            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Sold == 4, TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Purchasing = 0, DeadLettered = 0, Sold = 4 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task TwoWorkers_PersistEachPurchaseOnce()
    {
        var product = await api.CreateProductAsync(stock: 300);
        var holds = await api.HoldManyAsync(product.Id, 300, "pair");
        var first = await TestWorker.StartAsync(api);
        var second = await TestWorker.StartAsync(api);
        try
        {
            await api.PurchaseAllAsync(holds);
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Purchasing == 0, TimeSpan.FromSeconds(15));
        }
        finally
        {
            await Task.WhenAll(TestWorker.StopAsync(first), TestWorker.StopAsync(second));
        }

        (await api.PurchaseCountAsync(product.Id)).Should().Be(300);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Sold.Should().Be(300);
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task PurchasesAConsumerTookButNeverAcknowledged_AreTakenOverByAnotherWorker()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var alice = api.CreateClient(Tokens.Customer("alice"));
        var holds = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => alice.ReserveOkAsync(product.Id)));
        await Task.WhenAll(holds.Select(h => alice.PurchaseAsync(h.Id)));
        var crashed = api.Services.GetRequiredService<IPurchaseOutbox>();
        (await crashed.ReadAsync(ShardOf(product.Id), 100, TestContext.Current.CancellationToken))
            .Should().HaveCount(5, "this consumer now holds them, unacknowledged");

        var worker = await TestWorker.StartAsync(api, ("Redis:PendingReclaimAfter", "00:00:01"));
        try
        {
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Sold == 5, TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        (await api.PurchaseCountAsync(product.Id)).Should().Be(5);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Purchasing = 0, Sold = 5 });
    }

    [Fact]
    public async Task PendingPurchasesTrimmedFromTheStream_AreCountedLostAndNoLongerReclaimed()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.PurchaseAllAsync(await api.HoldManyAsync(product.Id, 5, "trimmed"));
        var shard = ShardOf(product.Id);
        var stream = api.Keys.Purchases(shard);
        (await api.Services.GetRequiredService<IPurchaseOutbox>().ReadAsync(shard, 100, TestContext.Current.CancellationToken))
            .Should().HaveCount(5, "this consumer now holds them, unacknowledged");
        await api.Redis.StreamTrimAsync(stream, maxLength: 0);
        using var lost = new LostPurchaseRecorder();

        var worker = await TestWorker.StartAsync(api, ("Redis:PendingReclaimAfter", "00:00:01"));
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(lost.Of(stream.ToString()) == 5), TimeSpan.FromSeconds(10));
            await Eventually.TrueAsync(async () => (await api.Redis.StreamPendingAsync(stream, "persisters")).PendingMessageCount == 0,
                TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        (await api.PurchaseCountAsync(product.Id)).Should().Be(0);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Purchasing = 5, Sold = 0 },
            "the lost purchases' units stay visible in purchasing, for an operator to settle");
    }

    [Fact]
    public async Task EntriesAConsumerReadAndDidNotFinish_ComeBackToItFirstWithoutWaitingForTheReclaim()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.PurchaseAllAsync(await api.HoldManyAsync(product.Id, 4, "unfinished"));
        var outbox = api.Services.GetRequiredService<IPurchaseOutbox>();
        var shard = ShardOf(product.Id);
        var ct = TestContext.Current.CancellationToken;

        var first = await outbox.ReadAsync(shard, 100, ct);
        await outbox.CompleteAsync([first[0]], ct);
        var again = await outbox.ReadAsync(shard, 100, ct);

        first.Should().HaveCount(4);
        again.Select(p => p.EntryId).Should().Equal(first.Skip(1).Select(p => p.EntryId));
        await outbox.CompleteAsync(again, ct);

        (await outbox.ReadAsync(shard, 100, ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task TwoThousandWaitingPurchases_AllReachPostgresOnce()
    {
        const int purchases = 2_000;
        var product = await api.CreateProductAsync(stock: purchases);
        await api.PurchaseAllAsync(await api.HoldManyAsync(product.Id, purchases, "bulk"));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        var worker = await TestWorker.StartAsync(api);
        try
        {
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Purchasing == 0, TimeSpan.FromSeconds(60));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        output.WriteLine($"{purchases} purchases persisted in {seconds:0.00} s = {purchases / seconds:0} per second (Worker start included)");
        (await api.PurchaseCountAsync(product.Id)).Should().Be(purchases);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Sold = purchases, Purchasing = 0, Available = 0 });
    }

    private int ShardOf(Guid productId) => api.Services.GetRequiredService<RedisKeys>().ShardOf(productId);
}
