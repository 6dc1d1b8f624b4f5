using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Application.Products.Ledger;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products.Ledger;

public class GetProductLedgerHandlerTests
{
    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IStockGate _gate = Substitute.For<IStockGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly GetProductLedgerHandler _handler;

    public GetProductLedgerHandlerTests() => _handler = new GetProductLedgerHandler(_catalog, _gate);

    [Fact]
    public async Task Handle_WhenProductUnknown_ReturnsNotFoundWithoutAskingTheGate()
    {
        _catalog.FindAsync(Arg.Any<Guid>(), _ct).Returns((Product?)null);

        var result = await _handler.Handle(new GetProductLedgerQuery(Guid.CreateVersion7()), _ct);

        result.Error.Should().BeSameAs(ProductErrors.NotFound);
        await _gate.DidNotReceiveWithAnyArgs().GetStockAsync(default, _ct);
    }

    [Fact]
    public async Task Handle_WhenTotalIsAvailableHeldPurchasingAndSold_IsBalancedWithDeadLettersInsidePurchasing()
    {
        var product = GivenProduct(total: 100, sold: 10, new GateStock(Available: 60, Held: 20, Purchasing: 10, DeadLettered: 3));

        var result = await _handler.Handle(new GetProductLedgerQuery(product.Id), _ct);

        result.Value.Should().Be(new LedgerResponse(100, 60, 20, 10, 3, 10, Balanced: true));
    }

    [Theory]
    [InlineData(59)]
    [InlineData(61)]
    public async Task Handle_WhenUnitsAreMissingOrExtra_IsNotBalanced(int available)
    {
        var product = GivenProduct(total: 100, sold: 10, new GateStock(available, Held: 20, Purchasing: 10, DeadLettered: 0));

        var result = await _handler.Handle(new GetProductLedgerQuery(product.Id), _ct);

        result.Value.Should().Be(new LedgerResponse(100, available, 20, 10, 0, 10, Balanced: false));
    }

    [Fact]
    public async Task Handle_WhenGateHasNoStateAndUnitsAreUnsold_ShowsZerosAndIsNotBalanced()
    {
        var product = GivenProduct(total: 100, sold: 10, stock: null);

        var result = await _handler.Handle(new GetProductLedgerQuery(product.Id), _ct);

        result.Value.Should().Be(new LedgerResponse(100, 0, 0, 0, 0, 10, Balanced: false));
    }

    [Fact]
    public async Task Handle_WhenGateHasNoStateAndAllIsSold_IsBalanced()
    {
        var product = GivenProduct(total: 100, sold: 100, stock: null);

        var result = await _handler.Handle(new GetProductLedgerQuery(product.Id), _ct);

        result.Value.Balanced.Should().BeTrue();
    }

    private Product GivenProduct(int total, int sold, GateStock? stock)
    {
        var product = TestProducts.Create(stock: total).WithSold(sold);
        _catalog.FindAsync(product.Id, _ct).Returns(product);
        _gate.GetStockAsync(product.Id, _ct).Returns(stock);
        return product;
    }
}
