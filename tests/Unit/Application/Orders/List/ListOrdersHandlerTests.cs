using NSubstitute;
using Reservations.Application.Orders;
using Reservations.Application.Orders.List;

namespace Reservations.UnitTests.Application.Orders.List;

public class ListOrdersHandlerTests
{
    private readonly IOrderReadStore _orders = Substitute.For<IOrderReadStore>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenStoreHasAPage_ReturnsTheCustomersOrdersWithPageAndTotal()
    {
        OrderResponse[] items = [TestOrders.Create(), TestOrders.Create(quantity: 1)];
        _orders.ListAsync("alice", 2, 3, _ct).Returns((items, 5));

        var page = await new ListOrdersHandler(_orders).Handle(new ListOrdersQuery("alice", 2, 3), _ct);

        page.Items.Should().Equal(items);
        (page.Page, page.PageSize, page.Total).Should().Be((2, 3, 5));
    }

    [Fact]
    public async Task Handle_WhenPageIsBeyondTheOrders_ReturnsNoItemsWithTheTotal()
    {
        _orders.ListAsync("alice", 9, 20, _ct).Returns((Array.Empty<OrderResponse>(), 3));

        var page = await new ListOrdersHandler(_orders).Handle(new ListOrdersQuery("alice", 9, 20), _ct);

        page.Items.Should().BeEmpty();
        (page.Page, page.PageSize, page.Total).Should().Be((9, 20, 3));
    }
}
