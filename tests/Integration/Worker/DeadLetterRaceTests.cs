using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Purchases.Persist;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// A Worker stalls past the reclaim time with a purchase it read; another takes the entry over. One of them is refused by
/// PostgreSQL and dead-letters the purchase while the other commits it and finalizes: whatever the order of their
/// scripts, Redis must end up agreeing with PostgreSQL (one order, the units sold, nothing dead-lettered).
/// </summary>
public sealed class DeadLetterRaceTests(ReservationsApiFactory api) : DeadLetterRaceSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class DeadLetterRaceOnClusterTests(ClusterApiFactory api) : DeadLetterRaceSuite(api), IClassFixture<ClusterApiFactory>;

public abstract class DeadLetterRaceSuite(ReservationsApiFactory api)
{
    private const string Refusal = "23514 ck_products_sold_within_stock";

    [Fact]
    public async Task ADeadLetterBeforeTheOtherWorkersCommitIsFinalized_IsUndoneByTheFinalize()
    {
        var (product, hold, stalled, successor) = await TwoWorkersHoldingOnePurchaseAsync();
        var ct = TestContext.Current.CancellationToken;
        (await PersistAsync(successor.Taken)).Refusal.Should().NotBeNull("PostgreSQL has too little stock for the successor");
        (await successor.Outbox.DeadLetterAsync(successor.Taken[0], Refusal, ct)).Should().BeTrue();
        (await api.LedgerAsync(product)).DeadLettered.Should().Be(1);

        await api.ExecuteAsync($"UPDATE products SET total_stock = 10 WHERE id = '{product}'");
        (await PersistAsync(stalled.Taken)).Outcomes.Should().Equal(PersistOutcome.Persisted);
        await stalled.Outbox.CompleteAsync(stalled.Taken, ct);

        await ShouldAgreeWithPostgresAsync(product, hold);
    }

    [Fact]
    public async Task ADeadLetterAfterTheOtherWorkersFinalize_OnlyAcknowledges()
    {
        var (product, hold, stalled, successor) = await TwoWorkersHoldingOnePurchaseAsync();
        var ct = TestContext.Current.CancellationToken;
        (await PersistAsync(successor.Taken)).Refusal.Should().NotBeNull("PostgreSQL has too little stock for the successor");

        await api.ExecuteAsync($"UPDATE products SET total_stock = 10 WHERE id = '{product}'");
        (await PersistAsync(stalled.Taken)).Outcomes.Should().Equal(PersistOutcome.Persisted);
        await stalled.Outbox.CompleteAsync(stalled.Taken, ct);
        (await successor.Outbox.DeadLetterAsync(successor.Taken[0], Refusal, ct)).Should().BeFalse("the purchase is in PostgreSQL");

        await ShouldAgreeWithPostgresAsync(product, hold);
    }

    [Fact]
    public async Task ADeadLetterRetriedBeforeTheLateFinalize_IsPersistedOnceAndBalances()
    {
        var (product, hold, stalled, successor) = await TwoWorkersHoldingOnePurchaseAsync();
        var ct = TestContext.Current.CancellationToken;
        await successor.Outbox.DeadLetterAsync(successor.Taken[0], Refusal, ct);
        await api.ExecuteAsync($"UPDATE products SET total_stock = 10 WHERE id = '{product}'");
        (await successor.Outbox.RetryDeadLetterAsync(hold, ct)).Should().BeTrue();

        (await PersistAsync(stalled.Taken)).Outcomes.Should().Equal(PersistOutcome.Persisted);
        await stalled.Outbox.CompleteAsync(stalled.Taken, ct);
        var retried = await TakeAsync(successor.Outbox, ShardOf(product), hold);
        (await PersistAsync(retried)).Outcomes.Should().Equal(PersistOutcome.AlreadyPersisted);
        await successor.Outbox.CompleteAsync(retried, ct);

        await ShouldAgreeWithPostgresAsync(product, hold);
    }

    [Fact]
    public async Task DeadLettersAndFinalizesOfTheSamePurchasesRacing_LeaveNothingDeadLetteredAndTheLedgerBalanced()
    {
        const int purchases = 40;
        var product = (await api.CreateProductAsync(stock: purchases)).Id;
        var shard = ShardOf(product);
        var made = await api.HoldManyAsync(product, purchases, "racing");
        await api.PurchaseAllAsync(made);
        var holds = made.Select(h => h.Id).ToHashSet();
        var stalled = NewOutbox();
        var successor = NewOutbox();
        var ct = TestContext.Current.CancellationToken;
        var taken = await TakeAsync(stalled, shard, holds);
        var reclaimed = await TakeAsync(successor, shard, holds);
        (await PersistAsync(taken)).Outcomes.Should().AllBeEquivalentTo(PersistOutcome.Persisted);

        // The committing Worker finalizes in batches of four while the other dead-letters each purchase on its own, all
        // at once; every other batch has its dead letters started first.
        var calls = taken.Chunk(4).SelectMany((batch, i) =>
        {
            var ids = batch.Select(p => p.HoldId).ToHashSet();
            var deadLetters = reclaimed.Where(p => ids.Contains(p.HoldId))
                .Select(p => (Func<Task>)(() => successor.DeadLetterAsync(p, Refusal, ct)));
            Func<Task> finalize = () => stalled.CompleteAsync(batch, ct);
            return i % 2 == 0 ? deadLetters.Append(finalize) : deadLetters.Prepend(finalize);
        });
        await Task.WhenAll(calls.Select(call => Task.Run(call, ct)));

        var ledger = await api.LedgerAsync(product);
        ledger.Should().BeEquivalentTo(new { Sold = purchases, Purchasing = 0, DeadLettered = 0, Available = 0, Held = 0 });
        ledger.ShouldBeBalanced();
        (await api.PurchaseIdsAsync(product)).Should().BeEquivalentTo(holds);
        (await stalled.ListDeadLettersAsync(ct)).Should().NotContain(d => d.Purchase.Lines[0].ProductId == product);
        (await api.Redis.HashLengthAsync(api.Keys.DeadHolds(shard))).Should().Be(0);
        (await api.WaitingPurchasesAsync(product)).Should().BeEmpty();
    }

    private async Task<(Guid Product, Guid Hold, Worker Stalled, Worker Successor)> TwoWorkersHoldingOnePurchaseAsync()
    {
        var product = (await api.CreateProductAsync(stock: 10)).Id;
        var hold = (await api.HoldManyAsync(product, 1, "race"))[0];
        await api.PurchaseAllAsync([hold]);
        var shard = ShardOf(product);
        var stalled = NewOutbox();
        var successor = NewOutbox();
        var stalledTook = await TakeAsync(stalled, shard, hold.Id);
        var successorTook = await TakeAsync(successor, shard, hold.Id);
        // The stock the successor's batch ran into: PostgreSQL refuses it, for good, while it lasts.
        await api.ExecuteAsync($"UPDATE products SET total_stock = 0 WHERE id = '{product}'");
        return (product, hold.Id, new Worker(stalled, stalledTook), new Worker(successor, successorTook));
    }

    private async Task ShouldAgreeWithPostgresAsync(Guid product, Guid hold)
    {
        var ct = TestContext.Current.CancellationToken;
        (await api.PurchaseIdsAsync(product)).Should().BeEquivalentTo([hold]);
        (await api.ScalarAsync<int>($"SELECT sold FROM products WHERE id = '{product}'")).Should().Be(1);
        var ledger = await api.LedgerAsync(product);
        ledger.Should().BeEquivalentTo(new { Sold = 1, Purchasing = 0, DeadLettered = 0, Available = 9 });
        ledger.ShouldBeBalanced();
        (await NewOutbox().ListDeadLettersAsync(ct)).Should().NotContain(d => d.Purchase.HoldId == hold);
        (await NewOutbox().RetryDeadLetterAsync(hold, ct)).Should().BeFalse();
        (await api.WaitingPurchasesAsync(product)).Should().BeEmpty();
        var owner = (await FindAsync(hold)).Customer.Value;
        (await (await api.CreateClient(Tokens.Customer(owner)).GetReservationAsync(hold))
            .ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK)).Status.Should().Be(HoldStatus.Completed);
    }

    // A consumer of its own that takes over entries idle for a millisecond: the Worker that reclaims a stalled one's.
    private RedisPurchaseOutbox NewOutbox() => new(
        api.Services.GetRequiredService<IConnectionMultiplexer>(), api.Keys,
        Options.Create(new RedisGateOptions { PendingReclaimAfter = TimeSpan.FromMilliseconds(1) }),
        NullLogger<RedisPurchaseOutbox>.Instance);

    private static Task<PendingPurchase[]> TakeAsync(RedisPurchaseOutbox outbox, int shard, Guid hold) =>
        TakeAsync(outbox, shard, [hold]);

    // Reads until the consumer holds every entry of these holds (new ones, or taken over once idle).
    private static async Task<PendingPurchase[]> TakeAsync(RedisPurchaseOutbox outbox, int shard, HashSet<Guid> holds)
    {
        var taken = new List<PendingPurchase>();
        await Eventually.TrueAsync(async () =>
        {
            taken.AddRange((await outbox.ReadAsync(shard, 100, TestContext.Current.CancellationToken))
                .Where(p => holds.Contains(p.HoldId) && taken.All(t => t.EntryId != p.EntryId)));
            return taken.Count == holds.Count;
        }, TimeSpan.FromSeconds(10));
        return [.. taken];
    }

    private async Task<PersistBatchResult> PersistAsync(IReadOnlyList<PendingPurchase> purchases)
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IPurchaseStore>()
            .PersistAsync(purchases, TestContext.Current.CancellationToken);
    }

    private async Task<Hold> FindAsync(Guid hold) =>
        (await api.Services.GetRequiredService<IHoldGate>().FindAsync(hold, TestContext.Current.CancellationToken))!;

    private int ShardOf(Guid productId) => api.Keys.ShardOf(productId);

    private sealed record Worker(RedisPurchaseOutbox Outbox, PendingPurchase[] Taken);
}
