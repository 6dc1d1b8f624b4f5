using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Application.Purchases.Persist;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>A batch is one statement and one finalize: what PostgreSQL already has or refuses must not upset the rest.</summary>
public sealed class BatchPersistenceTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task ABatchCommittedButNeverFinalized_IsFinishedByTheNextWorkerWithoutASecondOrder()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.PurchaseAllAsync(await api.HoldManyAsync(product.Id, 6, "crash"));
        var ct = TestContext.Current.CancellationToken;

        // The test plays the Worker that dies after COMMIT: it takes the batch, commits part of it, never finalizes.
        var taken = await api.Services.GetRequiredService<IPurchaseOutbox>().ReadAsync(ShardOf(product.Id), 100, ct);
        using (var scope = api.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IPurchaseStore>();
            (await store.PersistAsync([.. taken.Take(4)], ct)).Outcomes.Should().AllBeEquivalentTo(PersistOutcome.Persisted);
            (await store.PersistAsync(taken, ct)).Outcomes.Should().Equal(
                PersistOutcome.AlreadyPersisted, PersistOutcome.AlreadyPersisted, PersistOutcome.AlreadyPersisted,
                PersistOutcome.AlreadyPersisted, PersistOutcome.Persisted, PersistOutcome.Persisted);
        }

        await RunWorkerUntilAsync(async () => (await api.LedgerAsync(product.Id)).Purchasing == 0);

        (await api.PurchaseCountAsync(product.Id)).Should().Be(6);
        (await api.ScalarAsync<int>($"SELECT sold FROM products WHERE id = '{product.Id}'")).Should().Be(6);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = 6, Purchasing = 0, Available = 4 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task ARedeliveredBatch_IsOnlyAcknowledgedByASecondFinalize()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var holds = await api.HoldManyAsync(product.Id, 3, "twice");
        await api.PurchaseAllAsync(holds);
        var outbox = api.Services.GetRequiredService<IPurchaseOutbox>();
        var ct = TestContext.Current.CancellationToken;
        var taken = await outbox.ReadAsync(ShardOf(product.Id), 100, ct);
        using (var scope = api.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPurchaseStore>().PersistAsync(taken, ct);
        }

        await outbox.CompleteAsync(taken, ct);
        await outbox.CompleteAsync(taken, ct);

        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = 3, Purchasing = 0, Available = 7 });
        ledger.ShouldBeBalanced();
        (await api.PendingPurchasesAsync(product.Id)).Should().Be(0);
        (await api.WaitingPurchasesAsync(product.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task APurchaseOfAnUnknownProductAmongGoodOnes_IsDeadLetteredAloneAndTheOthersArePersisted()
    {
        var good = await api.CreateProductAsync(stock: 10);
        var unknown = await ProductInTheSameShardAsync(good.Id);
        var goodHolds = await api.HoldManyAsync(good.Id, 4, "good");
        var poison = (await api.HoldManyAsync(unknown.Id, 1, "poison"))[0];
        await api.PurchaseAllAsync(goodHolds[..2]);
        await api.PurchaseAllAsync([poison]);
        await api.PurchaseAllAsync(goodHolds[2..]);
        await api.ExecuteAsync($"DELETE FROM products WHERE id = '{unknown.Id}'");
        var outbox = api.Services.GetRequiredService<IPurchaseOutbox>();
        var ct = TestContext.Current.CancellationToken;

        await RunWorkerUntilAsync(async () => (await api.LedgerAsync(good.Id)).Purchasing == 0
            && (await outbox.ListDeadLettersAsync(ct)).Any(d => d.Purchase.HoldId == poison.Id));

        var deadLetter = (await outbox.ListDeadLettersAsync(ct)).Should().ContainSingle(d => d.Purchase.Lines[0].ProductId == unknown.Id).Subject;
        deadLetter.Purchase.HoldId.Should().Be(poison.Id);
        deadLetter.Reason.Should().Contain("fk_purchases_products");
        (await api.PurchaseIdsAsync(good.Id)).Should().BeEquivalentTo(goodHolds.Select(h => h.Id));
        var ledger = await api.LedgerAsync(good.Id);
        ledger.Should().BeEquivalentTo(new { Sold = 4, Purchasing = 0, DeadLettered = 0 });
        ledger.ShouldBeBalanced();
        var customer = api.CreateClient(Tokens.Customer(goodHolds[0].Customer.Value));
        (await (await customer.GetReservationAsync(goodHolds[0].Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Completed);
    }

    [Fact]
    public async Task APurchaseBeyondTheStockInPostgres_IsDeadLetteredAloneAndBalancesOnceRetriedAfterTheFix()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.PurchaseAllAsync(await api.HoldManyAsync(product.Id, 6, "over"));
        await api.ExecuteAsync($"UPDATE products SET total_stock = 5 WHERE id = '{product.Id}'");
        var outbox = api.Services.GetRequiredService<IPurchaseOutbox>();
        var ct = TestContext.Current.CancellationToken;

        await RunWorkerUntilAsync(async () => (await api.LedgerAsync(product.Id)) is { Sold: 5, DeadLettered: 1 }, async () =>
        {
            await api.ExecuteAsync($"UPDATE products SET total_stock = 10 WHERE id = '{product.Id}'");
            var refused = (await outbox.ListDeadLettersAsync(ct)).Single(d => d.Purchase.Lines[0].ProductId == product.Id);
            refused.Reason.Should().Contain("ck_products_sold_within_stock");
            (await outbox.RetryDeadLetterAsync(refused.Purchase.HoldId, ct)).Should().BeTrue();
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Purchasing == 0, TimeSpan.FromSeconds(10));
        });

        (await api.PurchaseCountAsync(product.Id, distinct: true)).Should().Be(6);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = 6, Purchasing = 0, DeadLettered = 0, Available = 4 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task AnUnreadableEntryAheadOfPurchases_IsQuarantinedAfterMaxDeliveriesWhileThePurchasesArePersisted()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var shard = ShardOf(product.Id);
        var unreadable = await api.Redis.StreamAddAsync(api.Keys.Purchases(shard),
            [new NameValueEntry("hold", "not-a-hold"), new NameValueEntry("quantity", "many")]);
        var holds = await api.HoldManyAsync(product.Id, 3, "behind");
        await api.PurchaseAllAsync(holds);

        await RunWorkerUntilAsync(async () => (await api.LedgerAsync(product.Id)).Purchasing == 0
            && await api.Redis.StreamLengthAsync(api.Keys.Quarantine(shard)) == 1);

        (await api.PurchaseIdsAsync(product.Id)).Should().BeEquivalentTo(holds.Select(h => h.Id));
        var quarantined = (await api.Redis.StreamRangeAsync(api.Keys.Quarantine(shard))).Single();
        ((string?)quarantined["entry"]).Should().Be(unreadable.ToString());
        ((string?)quarantined["quantity"]).Should().Be("many");
        ((string?)quarantined["reason"]).Should().Be("unreadable after 5 deliveries: A hold field has 14 bytes, not 10.");
        (await api.Redis.StreamRangeAsync(api.Keys.Purchases(shard))).Should().NotContain(e => e.Id == unreadable);
        (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
    }

    [Fact]
    public async Task APurchaseFailingEveryDeliveryForAnotherReason_IsDeadLetteredAfterMaxDeliveriesAndTheOthersArePersisted()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var holds = await api.HoldManyAsync(product.Id, 4, "steady");
        var cursed = (await api.HoldManyAsync(product.Id, 1, "cursed"))[0];
        await api.PurchaseAllAsync([holds[0], holds[1], cursed, holds[2], holds[3]]);
        // Not a refusal PostgreSQL gives for good (those are dead-lettered at once), not a passing outage either.
        await api.ExecuteAsync("""
            CREATE FUNCTION refuse_cursed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.customer_id LIKE 'cursed%' THEN RAISE EXCEPTION 'cursed customer'; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_cursed BEFORE INSERT ON purchases FOR EACH ROW EXECUTE FUNCTION refuse_cursed();
            """);
        try
        {
            await RunWorkerUntilAsync(async () => (await api.LedgerAsync(product.Id)) is { Sold: 4, DeadLettered: 1 });
        }
        finally
        {
            await api.ExecuteAsync("DROP TRIGGER refuse_cursed ON purchases; DROP FUNCTION refuse_cursed();");
        }

        var deadLetter = (await api.Services.GetRequiredService<IPurchaseOutbox>().ListDeadLettersAsync(TestContext.Current.CancellationToken))
            .Should().ContainSingle(d => d.Purchase.Lines[0].ProductId == product.Id).Subject;
        deadLetter.Purchase.HoldId.Should().Be(cursed.Id);
        deadLetter.Reason.Should().Be("not persisted after 5 deliveries: P0001: cursed customer");
        (await api.PurchaseIdsAsync(product.Id)).Should().BeEquivalentTo(holds.Select(h => h.Id));
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Sold = 4, Purchasing = 1, DeadLettered = 1 });
        ledger.ShouldBeBalanced();
    }

    private async Task RunWorkerUntilAsync(Func<Task<bool>> done, Func<Task>? then = null)
    {
        var worker = await TestWorker.StartAsync(api, ("Redis:PendingReclaimAfter", "00:00:01"));
        try
        {
            await Eventually.TrueAsync(done, TimeSpan.FromSeconds(15));
            if (then is not null)
            {
                await then();
            }
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    private async Task<ProductResponse> ProductInTheSameShardAsync(Guid productId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = await api.CreateProductAsync(stock: 10);
            if (ShardOf(candidate.Id) == ShardOf(productId))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No product of 200 landed in the shard.");
    }

    private int ShardOf(Guid productId) => api.Services.GetRequiredService<RedisKeys>().ShardOf(productId);
}
