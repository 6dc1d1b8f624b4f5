using NSubstitute;
using Reservations.Application.Purchases;
using Reservations.Application.Purchases.List;

namespace Reservations.UnitTests.Application.Purchases.List;

public class ListPurchasesHandlerTests
{
    private readonly IPurchaseReadStore _purchases = Substitute.For<IPurchaseReadStore>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenStoreHasAPage_ReturnsTheCustomersPurchasesWithPageAndTotal()
    {
        OrderResponse[] items = [TestPurchases.Create(), TestPurchases.Create(quantity: 1)];
        _purchases.ListAsync("alice", 2, 3, _ct).Returns((items, 5));

        var page = await new ListPurchasesHandler(_purchases).Handle(new ListPurchasesQuery("alice", 2, 3), _ct);

        page.Items.Should().Equal(items);
        (page.Page, page.PageSize, page.Total).Should().Be((2, 3, 5));
    }

    [Fact]
    public async Task Handle_WhenPageIsBeyondThePurchases_ReturnsNoItemsWithTheTotal()
    {
        _purchases.ListAsync("alice", 9, 20, _ct).Returns((Array.Empty<OrderResponse>(), 3));

        var page = await new ListPurchasesHandler(_purchases).Handle(new ListPurchasesQuery("alice", 9, 20), _ct);

        page.Items.Should().BeEmpty();
        (page.Page, page.PageSize, page.Total).Should().Be((9, 20, 3));
    }
}
