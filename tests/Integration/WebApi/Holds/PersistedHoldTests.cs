using System.Net;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Purchases.Persist;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.WebApi.Holds;

/// <summary>
/// A purchased reservation after the Worker persisted it: its hold is completed and moves to an hourly hash of ended
/// holds, which Redis drops a day later. PostgreSQL's order still knows it.
/// </summary>
public sealed class PersistedHoldTests(ReservationsApiFactory api) : PersistedHoldSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class PersistedHoldOnClusterTests(ClusterApiFactory api)
    : PersistedHoldSuite(api), IClassFixture<ClusterApiFactory>;

public abstract class PersistedHoldSuite(ReservationsApiFactory api)
{
    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer("alice"));

    [Fact]
    public async Task Purchase_RepeatedAfterTheWorkerPersistedIt_AnswersTheSameBodyAsTheFirst()
    {
        var (hold, first) = await PurchasedAsync();
        await PersistAsync(hold.ProductId!.Value);

        var repeat = await _alice.PurchaseAsync(hold.Id);

        repeat.StatusCode.Should().Be(HttpStatusCode.OK);
        (await repeat.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be(first);
    }

    [Fact]
    public async Task Purchase_RepeatedAfterRedisForgotThePersistedHold_AnswersTheSameBodyAsTheFirst()
    {
        var (hold, first) = await PurchasedAsync();
        await PersistAsync(hold.ProductId!.Value);
        await ForgetAsync(hold.Id);

        var repeat = await _alice.PurchaseAsync(hold.Id);

        repeat.StatusCode.Should().Be(HttpStatusCode.OK);
        (await repeat.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be(first);
        var ledger = await api.LedgerAsync(hold.ProductId!.Value);
        ledger.Should().BeEquivalentTo(new { Sold = 2, Purchasing = 0 }, "the repeat buys nothing more");
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Get_AfterRedisForgotThePersistedHold_AnswersFromPostgresAsBefore()
    {
        var (hold, _) = await PurchasedAsync();
        await PersistAsync(hold.ProductId!.Value);
        var before = await (await _alice.GetReservationAsync(hold.Id)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await ForgetAsync(hold.Id);

        var after = await _alice.GetReservationAsync(hold.Id);

        after.StatusCode.Should().Be(HttpStatusCode.OK);
        (await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be(before);
        (await (await api.CreateClient(Tokens.Admin()).GetReservationAsync(hold.Id))
            .ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK)).Status.Should().Be(HoldStatus.Completed);
    }

    [Fact]
    public async Task GetAndPurchase_AfterRedisForgotThePersistedHold_AreStill404ForSomeoneElse()
    {
        var (hold, _) = await PurchasedAsync();
        await PersistAsync(hold.ProductId!.Value);
        await ForgetAsync(hold.Id);
        var bob = api.CreateClient(Tokens.Customer("bob"));

        await (await bob.GetReservationAsync(hold.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
        await (await bob.PurchaseAsync(hold.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
    }

    [Fact]
    public async Task GetAndPurchase_OfAHoldNeitherStoreKnows_Answer404()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var released = await _alice.ReserveOkAsync(product.Id);
        await _alice.ReleaseAsync(released.Id);
        await ForgetAsync(released.Id);

        await (await _alice.GetReservationAsync(released.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
        await (await _alice.PurchaseAsync(released.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
    }

    [Fact]
    public async Task Get_OfAnOrderWhoseEntryPredatesTheHoldsTimes_ReadsThePurchaseTimeForThem()
    {
        var (hold, _) = await PurchasedAsync();
        await WithoutTheHoldsTimesAsync(hold);
        await PersistAsync(hold.ProductId!.Value);
        await ForgetAsync(hold.Id);

        var read = await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        var purchasedAt = await api.ScalarAsync<DateTime>($"SELECT purchased_at FROM purchases WHERE id = '{hold.Id}'");
        (await api.ScalarAsync<long>($"SELECT count(*) FROM purchases WHERE id = '{hold.Id}' AND reserved_at IS NULL")).Should().Be(1);
        read.Should().BeEquivalentTo(hold with
        {
            Status = HoldStatus.Completed,
            CreatedAt = new DateTimeOffset(purchasedAt, TimeSpan.Zero),
            ExpiresAt = new DateTimeOffset(purchasedAt, TimeSpan.Zero),
        });
    }

    private async Task<(ReservationResponse Hold, string FirstPurchase)> PurchasedAsync()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id, quantity: 2);
        var purchase = await _alice.PurchaseAsync(hold.Id);
        purchase.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await purchase.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.Should().Contain("\"status\":\"purchased\"");
        return (hold, body);
    }

    // What the Worker does, through the same handler: until the product's purchases are persisted and finalized.
    private async Task PersistAsync(Guid productId)
    {
        var shard = api.Keys.ShardOf(productId);
        await Eventually.TrueAsync(async () =>
        {
            using var scope = api.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new PersistPurchasesCommand(shard, 512), TestContext.Current.CancellationToken);
            return (await api.LedgerAsync(productId)) is { Purchasing: 0, Sold: > 0 };
        }, TimeSpan.FromSeconds(10));
    }

    // The purchase's entry as the build before this one wrote it: without the hold's created and deadline fields.
    private async Task WithoutTheHoldsTimesAsync(ReservationResponse hold)
    {
        var stream = api.Keys.Purchases(api.Keys.ShardOfHold(hold.Id)!.Value);
        var field = RedisKeys.HoldField(hold.Id);
        var entry = (await api.Redis.StreamRangeAsync(stream)).Single(e => ((byte[])e["hold"]!).AsSpan().SequenceEqual(field));
        await api.Redis.StreamDeleteAsync(stream, [entry.Id]);
        await api.Redis.StreamAddAsync(stream, [.. entry.Values.Where(v => v.Name != "created" && v.Name != "deadline")]);
    }

    // The day the ended hold's hourly hash is kept has passed: Redis no longer knows the hold.
    private async Task ForgetAsync(Guid holdId)
    {
        var shard = api.Keys.ShardOfHold(holdId)!.Value;
        var hour = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 3600;
        foreach (var candidate in new[] { hour + 1, hour, hour - 1 })
        {
            await api.Redis.HashDeleteAsync((RedisKey)$"{api.KeyPrefix}:{{s{shard}}}:ended:{candidate}", RedisKeys.HoldField(holdId));
        }

        (await api.Services.GetRequiredService<IHoldGate>().FindAsync(holdId, TestContext.Current.CancellationToken))
            .Should().BeNull("Redis no longer knows the hold");
    }
}
