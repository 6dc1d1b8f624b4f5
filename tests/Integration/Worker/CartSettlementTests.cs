using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// A purchased cart on its way to PostgreSQL: dead-lettered, retried and completed whole, every line's units moving
/// together; a corrupt counter on one line fails the call before any line moved.
/// </summary>
public sealed class CartSettlementTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer($"alice-{Guid.NewGuid():N}"));

    private IPurchaseOutbox Outbox => api.Services.GetRequiredService<IPurchaseOutbox>();

    [Fact]
    public async Task ACartDeadLetteredThenRetried_MovesEveryLinesUnits_AndIsListedAndReadWithItsLines()
    {
        var (cart, ticket, parking) = await PurchasedCartAsync();
        var pending = await PendingAsync(cart);

        (await Outbox.DeadLetterAsync(pending, "refused in a test", Ct)).Should().BeTrue();
        var deadLettered = (await Task.WhenAll(api.LedgerAsync(ticket), api.LedgerAsync(parking))).Select(l => l.DeadLettered);
        var listed = (await Outbox.ListDeadLettersAsync(Ct)).Single(d => d.Purchase.HoldId == cart.Id);
        (await Outbox.RetryDeadLetterAsync(cart.Id, Ct)).Should().BeTrue();
        var retried = await PendingAsync(cart);

        deadLettered.Should().Equal(2, 1);
        listed.Purchase.Lines.Should().Equal(pending.Lines);
        (await Task.WhenAll(api.LedgerAsync(ticket), api.LedgerAsync(parking))).Select(l => (l.Purchasing, l.DeadLettered))
            .Should().Equal((2, 0), (1, 0));
        retried.Lines.Should().Equal(new PurchaseLine(ticket, 2, 25.50m), new PurchaseLine(parking, 1, 25.50m));
    }

    [Fact]
    public async Task CompletingACart_WithACorruptCounterOnItsSecondLine_FailsWhole_ThenCompletesEveryLineOnceRepaired()
    {
        var (cart, ticket, parking) = await PurchasedCartAsync();
        var pending = await PendingAsync(cart);
        var stock = api.Keys.Stock(api.Keys.ShardOf(ticket));
        await api.Redis.HashSetAsync(stock, RedisKeys.StockField(parking, 'p'), "corrupt");

        var complete = () => Outbox.CompleteAsync([pending], Ct);

        await complete.Should().ThrowAsync<RedisServerException>();
        (await api.Redis.HashGetAsync(stock, RedisKeys.StockField(ticket, 'p'))).Should().Be(2, "no line moves before every line is proven");
        await api.Redis.HashSetAsync(stock, RedisKeys.StockField(parking, 'p'), 1);
        await complete();
        (await api.Redis.HashGetAsync(stock, [RedisKeys.StockField(ticket, 'p'), RedisKeys.StockField(parking, 'p')]))
            .Select(v => (int)v).Should().Equal(0, 0);
    }

    private async Task<(ReservationResponse Cart, Guid Ticket, Guid Parking)> PurchasedCartAsync()
    {
        var products = await api.CreateSaleAsync(10, 5);
        var cart = await _alice.ReserveCartOkAsync([(products[0].Id, 2), (products[1].Id, 1)]);
        (await _alice.PurchaseAsync(cart.Id)).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        return (cart, products[0].Id, products[1].Id);
    }

    private async Task<PendingPurchase> PendingAsync(ReservationResponse cart)
    {
        var shard = api.Keys.ShardOfHold(cart.Id)!.Value;
        PendingPurchase? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = (await Outbox.ReadAsync(shard, 1000, Ct)).LastOrDefault(p => p.HoldId == cart.Id);
            return found is not null;
        }, TimeSpan.FromSeconds(10));
        return found!;
    }
}
