using NSubstitute;
using Reservations.Application.Admin.DeadLetters;
using Reservations.Application.Admin.DeadLetters.List;
using Reservations.Application.Common.Ports;

namespace Reservations.UnitTests.Application.Admin.DeadLetters.List;

public class ListDeadLettersHandlerTests
{
    private readonly IPurchaseOutbox _outbox = Substitute.For<IPurchaseOutbox>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenDeadLettersExist_MapsEachFieldByFieldInOrder()
    {
        var first = new PendingPurchase("1-0", Guid.CreateVersion7(), Guid.CreateVersion7(), "alice", 3, 12.50m,
            new DateTimeOffset(2026, 11, 25, 13, 10, 4, TimeSpan.Zero));
        var second = new PendingPurchase("2-0", Guid.CreateVersion7(), Guid.CreateVersion7(), "bob", 1, 99.99m,
            new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(1)));
        _outbox.ListDeadLettersAsync(_ct).Returns([new DeadLetter(first, "ck_orders_quantity"), new DeadLetter(second, "fk_orders_product")]);

        var responses = await new ListDeadLettersHandler(_outbox).Handle(new ListDeadLettersQuery(), _ct);

        responses.Should().Equal(
            new DeadLetterResponse(first.ReservationId, first.ProductId, "alice", 3, 12.50m, first.PurchasedAt, "ck_orders_quantity"),
            new DeadLetterResponse(second.ReservationId, second.ProductId, "bob", 1, 99.99m, second.PurchasedAt, "fk_orders_product"));
    }

    [Fact]
    public async Task Handle_WhenNoDeadLetters_ReturnsAnEmptyList()
    {
        _outbox.ListDeadLettersAsync(_ct).Returns([]);

        var responses = await new ListDeadLettersHandler(_outbox).Handle(new ListDeadLettersQuery(), _ct);

        responses.Should().BeEmpty();
    }
}
