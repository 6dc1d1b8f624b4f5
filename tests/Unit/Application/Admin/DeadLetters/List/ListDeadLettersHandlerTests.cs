using NSubstitute;
using Reservations.Application.Admin.DeadLetters;
using Reservations.Application.Admin.DeadLetters.List;
using Reservations.Application.Common.Ports;
using Reservations.Application.Purchases;

namespace Reservations.UnitTests.Application.Admin.DeadLetters.List;

public class ListDeadLettersHandlerTests
{
    private readonly IPurchaseOutbox _outbox = Substitute.For<IPurchaseOutbox>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenDeadLettersExist_MapsEachFieldByFieldInOrder()
    {
        var first = new PendingPurchase("1-0", Guid.CreateVersion7(), "alice", [new PurchaseLine(Guid.CreateVersion7(), 3, 12.50m)],
            new DateTimeOffset(2026, 11, 25, 13, 10, 4, TimeSpan.Zero));
        var second = new PendingPurchase("2-0", Guid.CreateVersion7(), "bob", [new PurchaseLine(Guid.CreateVersion7(), 1, 99.99m)],
            new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(1)));
        _outbox.ListDeadLettersAsync(_ct).Returns([new DeadLetter(first, "ck_orders_quantity"), new DeadLetter(second, "fk_orders_product")]);

        var responses = await new ListDeadLettersHandler(_outbox).Handle(new ListDeadLettersQuery(), _ct);

        responses.Should().Equal(
            new DeadLetterResponse(first.HoldId, first.Lines[0].ProductId, "alice", 3, 12.50m,
                [new OrderItemResponse(first.Lines[0].ProductId, 3, 12.50m)], first.PurchasedAt, "ck_orders_quantity"),
            new DeadLetterResponse(second.HoldId, second.Lines[0].ProductId, "bob", 1, 99.99m,
                [new OrderItemResponse(second.Lines[0].ProductId, 1, 99.99m)], second.PurchasedAt, "fk_orders_product"));
    }

    [Fact]
    public async Task Handle_WhenACartIsDeadLettered_ListsItsItemsInOrderAndNoSingleProduct()
    {
        var (tickets, parking) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var cart = new PendingPurchase("3-0", Guid.CreateVersion7(), "carol",
            [new PurchaseLine(tickets, 2, 49.90m), new PurchaseLine(parking, 1, 15.00m)], new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        _outbox.ListDeadLettersAsync(_ct).Returns([new DeadLetter(cart, "ck_products_sold_within_stock")]);

        var responses = await new ListDeadLettersHandler(_outbox).Handle(new ListDeadLettersQuery(), _ct);

        responses.Should().Equal(new DeadLetterResponse(
            cart.HoldId, null, "carol", null, null,
            [new OrderItemResponse(tickets, 2, 49.90m), new OrderItemResponse(parking, 1, 15.00m)], cart.PurchasedAt,
            "ck_products_sold_within_stock"));
    }

    [Fact]
    public async Task Handle_WhenNoDeadLetters_ReturnsAnEmptyList()
    {
        _outbox.ListDeadLettersAsync(_ct).Returns([]);

        var responses = await new ListDeadLettersHandler(_outbox).Handle(new ListDeadLettersQuery(), _ct);

        responses.Should().BeEmpty();
    }
}
