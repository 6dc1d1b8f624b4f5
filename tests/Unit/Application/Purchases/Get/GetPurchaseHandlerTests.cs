using NSubstitute;
using Reservations.Application.Common.Results;
using Reservations.Application.Purchases;
using Reservations.Application.Purchases.Get;

namespace Reservations.UnitTests.Application.Purchases.Get;

public class GetPurchaseHandlerTests
{
    private readonly IPurchaseReadStore _purchases = Substitute.For<IPurchaseReadStore>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly OrderResponse _purchase = TestPurchases.Create("alice");

    public GetPurchaseHandlerTests() => _purchases.FindAsync(_purchase.Id, _ct).Returns(_purchase);

    [Fact]
    public async Task Handle_WhenOwnerAsks_ReturnsThePurchase()
    {
        var result = await Handle(_purchase.Id, "alice", isAdmin: false);

        result.Value.Should().BeSameAs(_purchase);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("Alice")]
    public async Task Handle_WhenAnotherCustomerAsks_ReturnsNotFound(string customer)
    {
        var result = await Handle(_purchase.Id, customer, isAdmin: false);

        result.Error.Should().BeSameAs(PurchaseErrors.NotFound);
    }

    [Fact]
    public async Task Handle_WhenAdminAsksForSomeoneElsesPurchase_ReturnsIt()
    {
        var result = await Handle(_purchase.Id, "admin-1", isAdmin: true);

        result.Value.Should().BeSameAs(_purchase);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Handle_WhenPurchaseMissing_ReturnsNotFound(bool isAdmin)
    {
        var missing = Guid.CreateVersion7();
        _purchases.FindAsync(missing, _ct).Returns((OrderResponse?)null);

        var result = await Handle(missing, "alice", isAdmin);

        result.Error.Should().BeSameAs(PurchaseErrors.NotFound);
    }

    [Fact]
    public void NotFound_IsOrderNotFoundWith404() =>
        (PurchaseErrors.NotFound.Code, PurchaseErrors.NotFound.Kind).Should().Be(("order-not-found", ErrorKind.NotFound));

    private ValueTask<Result<OrderResponse>> Handle(Guid id, string customer, bool isAdmin) =>
        new GetPurchaseHandler(_purchases).Handle(new GetPurchaseQuery(id, customer, isAdmin), _ct);
}
