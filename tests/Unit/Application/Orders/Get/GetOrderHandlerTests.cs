using NSubstitute;
using Reservations.Application.Common.Results;
using Reservations.Application.Orders;
using Reservations.Application.Orders.Get;

namespace Reservations.UnitTests.Application.Orders.Get;

public class GetOrderHandlerTests
{
    private readonly IOrderReadStore _orders = Substitute.For<IOrderReadStore>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly OrderResponse _order = TestOrders.Create("alice");

    public GetOrderHandlerTests() => _orders.FindAsync(_order.Id, _ct).Returns(_order);

    [Fact]
    public async Task Handle_WhenOwnerAsks_ReturnsTheOrder()
    {
        var result = await Handle(_order.Id, "alice", isAdmin: false);

        result.Value.Should().BeSameAs(_order);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("Alice")]
    public async Task Handle_WhenAnotherCustomerAsks_ReturnsNotFound(string customer)
    {
        var result = await Handle(_order.Id, customer, isAdmin: false);

        result.Error.Should().BeSameAs(OrderErrors.NotFound);
    }

    [Fact]
    public async Task Handle_WhenAdminAsksForSomeoneElsesOrder_ReturnsIt()
    {
        var result = await Handle(_order.Id, "admin-1", isAdmin: true);

        result.Value.Should().BeSameAs(_order);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Handle_WhenOrderMissing_ReturnsNotFound(bool isAdmin)
    {
        var missing = Guid.CreateVersion7();
        _orders.FindAsync(missing, _ct).Returns((OrderResponse?)null);

        var result = await Handle(missing, "alice", isAdmin);

        result.Error.Should().BeSameAs(OrderErrors.NotFound);
    }

    [Fact]
    public void NotFound_IsOrderNotFoundWith404() =>
        (OrderErrors.NotFound.Code, OrderErrors.NotFound.Kind).Should().Be(("order-not-found", ErrorKind.NotFound));

    private ValueTask<Result<OrderResponse>> Handle(Guid id, string customer, bool isAdmin) =>
        new GetOrderHandler(_orders).Handle(new GetOrderQuery(id, customer, isAdmin), _ct);
}
