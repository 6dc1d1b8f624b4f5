using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Application.Products.AdjustStock;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products.AdjustStock;

public class AdjustStockHandlerTests
{
    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IInventoryGate _gate = Substitute.For<IInventoryGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Product _product = TestProducts.Create(stock: 250);
    private readonly AdjustStockHandler _handler;

    public AdjustStockHandlerTests()
    {
        _catalog.FindAsync(_product.Id, Arg.Any<CancellationToken>()).Returns(_product);
        // Undo steps succeed unless a test says otherwise; a test's own setup for its arguments takes precedence.
        _catalog.AdjustTotalStockAsync(Arg.Is<StockAdjustment>(a => a.ProductId == _product.Id), Arg.Any<CancellationToken>()).Returns(_product);
        _gate.AdjustAvailableAsync(_product.Id, Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(Result<int>.Success(0));
        _handler = new AdjustStockHandler(_catalog, _gate, TimeProvider.System, NullLogger<AdjustStockHandler>.Instance);
    }

    private Guid Id => _product.Id;

    [Theory]
    [InlineData(-3)]
    [InlineData(5)]
    public async Task Handle_WhenProductUnknown_ReturnsNotFoundAndAdjustsNothing(int delta)
    {
        var unknown = Guid.CreateVersion7();
        _catalog.FindAsync(unknown, Arg.Any<CancellationToken>()).Returns((Product?)null);

        var result = await Handle(unknown, delta);

        result.Error.Should().BeSameAs(ProductErrors.NotFound);
        await _gate.DidNotReceiveWithAnyArgs().AdjustAvailableAsync(default, default, _ct);
        await _catalog.DidNotReceiveWithAnyArgs().AdjustTotalStockAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenRemoving_TakesFromTheGateFirstThenLowersTheTotal()
    {
        var adjusted = GivenCatalogAdjusts(-3, stock: 247);
        GivenGateAdjusts(-3, Result<int>.Success(7));

        var result = await Handle(Id, -3);

        Received.InOrder(() =>
        {
            _ = _gate.AdjustAvailableAsync(Id, -3, _ct);
            _ = _catalog.AdjustTotalStockAsync(Change(Id, -3), CancellationToken.None);
        });
        await _gate.ReceivedWithAnyArgs(1).AdjustAvailableAsync(default, default, _ct);
        result.Value.Should().Be(Expected(adjusted, available: 7));
    }

    [Fact]
    public async Task Handle_WhenGateRefusesRemoval_ReturnsItsErrorAndLeavesTheCatalogAlone()
    {
        var refused = ProductErrors.InsufficientAvailable(2);
        GivenGateAdjusts(-3, refused);

        var result = await Handle(Id, -3);

        result.Error.Should().BeSameAs(refused);
        await _catalog.DidNotReceiveWithAnyArgs().AdjustTotalStockAsync(default!, _ct);
        await _gate.ReceivedWithAnyArgs(1).AdjustAvailableAsync(default, default, _ct);
    }

    [Fact]
    public async Task Handle_WhenCatalogFailsAfterGateRemoved_GivesTheUnitsBackAndReturnsTheCatalogsError()
    {
        var refused = ProductErrors.InsufficientAvailable(1);
        GivenGateAdjusts(-3, Result<int>.Success(7));
        _catalog.AdjustTotalStockAsync(Change(Id, -3), Arg.Any<CancellationToken>()).Returns(refused);

        var result = await Handle(Id, -3);

        result.Error.Should().BeSameAs(refused);
        Received.InOrder(() =>
        {
            _ = _gate.AdjustAvailableAsync(Id, -3, Arg.Any<CancellationToken>());
            _ = _catalog.AdjustTotalStockAsync(Change(Id, -3), Arg.Any<CancellationToken>());
            _ = _gate.AdjustAvailableAsync(Id, 3, Arg.Any<CancellationToken>());
        });
        await _gate.Received(1).AdjustAvailableAsync(Id, 3, CancellationToken.None);
    }

    [Fact]
    public async Task Handle_WhenAdding_RaisesTheTotalFirstThenGivesTheGateTheUnits()
    {
        var adjusted = GivenCatalogAdjusts(5, stock: 255);
        GivenGateAdjusts(5, Result<int>.Success(12));

        var result = await Handle(Id, 5);

        Received.InOrder(() =>
        {
            _ = _catalog.AdjustTotalStockAsync(Change(Id, 5), Arg.Any<CancellationToken>());
            _ = _gate.AdjustAvailableAsync(Id, 5, Arg.Any<CancellationToken>());
        });
        await _catalog.ReceivedWithAnyArgs(1).AdjustTotalStockAsync(default!, _ct);
        result.Value.Should().Be(Expected(adjusted, available: 12));
    }

    [Fact]
    public async Task Handle_WhenCatalogRefusesAddition_ReturnsItsErrorAndLeavesTheGateAlone()
    {
        _catalog.AdjustTotalStockAsync(Change(Id, 5), Arg.Any<CancellationToken>()).Returns(ProductErrors.NotFound);

        var result = await Handle(Id, 5);

        result.Error.Should().BeSameAs(ProductErrors.NotFound);
        await _gate.DidNotReceiveWithAnyArgs().AdjustAvailableAsync(default, default, _ct);
    }

    [Fact]
    public async Task Handle_WhenGateFailsAfterCatalogAdded_TakesTheUnitsBackAndReturnsTheGatesError()
    {
        GivenCatalogAdjusts(5, stock: 255);
        GivenGateAdjusts(5, ProductErrors.NotFound);

        var result = await Handle(Id, 5);

        result.Error.Should().BeSameAs(ProductErrors.NotFound);
        Received.InOrder(() =>
        {
            _ = _catalog.AdjustTotalStockAsync(Change(Id, 5), Arg.Any<CancellationToken>());
            _ = _gate.AdjustAvailableAsync(Id, 5, Arg.Any<CancellationToken>());
            _ = _catalog.AdjustTotalStockAsync(Change(Id, -5), Arg.Any<CancellationToken>());
        });
        await _catalog.Received(1).AdjustTotalStockAsync(Change(Id, -5), CancellationToken.None);
    }

    [Fact]
    public async Task Handle_WhenCatalogThrowsAfterGateRemoved_GivesTheUnitsBackAndRethrows()
    {
        GivenGateAdjusts(-3, Result<int>.Success(7));
        _catalog.AdjustTotalStockAsync(Change(Id, -3), Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("PostgreSQL"));

        var handle = () => Handle(Id, -3).AsTask();

        await handle.Should().ThrowAsync<TimeoutException>();
        await _gate.Received(1).AdjustAvailableAsync(Id, 3, CancellationToken.None);
    }

    [Fact]
    public async Task Handle_WhenGateThrowsAfterCatalogAdded_TakesTheUnitsBackAndRethrows()
    {
        GivenCatalogAdjusts(5, stock: 255);
        _gate.AdjustAvailableAsync(Id, 5, Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("Redis"));

        var handle = () => Handle(Id, 5).AsTask();

        await handle.Should().ThrowAsync<TimeoutException>();
        await _catalog.Received(1).AdjustTotalStockAsync(Change(Id, -5), CancellationToken.None);
    }

    [Fact]
    public async Task Handle_RecordsWhoChangedTheStockAndWhy()
    {
        GivenCatalogAdjusts(5, stock: 255);
        GivenGateAdjusts(5, Result<int>.Success(10));

        await _handler.Handle(new AdjustStockCommand(Id, 5, "carol", "recount after the audit"), _ct);

        await _catalog.Received(1).AdjustTotalStockAsync(
            Arg.Is<StockAdjustment>(a => a.ProductId == Id && a.Delta == 5 && a.Actor == "carol" && a.Reason == "recount after the audit"),
            _ct);
    }

    [Fact]
    public async Task Handle_WhenAddingFailsInTheGate_RecordsTheUndoAsTheSystemsOppositeChange()
    {
        GivenCatalogAdjusts(5, stock: 255);
        GivenGateAdjusts(5, ProductErrors.NotFound);

        await Handle(Id, 5);

        await _catalog.Received(1).AdjustTotalStockAsync(
            Arg.Is<StockAdjustment>(a => a.Delta == -5 && a.Actor == StockAdjustment.SystemActor && a.Reason!.StartsWith("undo of adjustment ")),
            CancellationToken.None);
    }

    [Fact]
    public async Task Handle_WhenTheTotalWouldPassTheMaximum_ReturnsStockLimitExceededAndAdjustsNothing()
    {
        var result = await Handle(Id, Product.MaxStock - _product.TotalStock + 1);

        result.Error.Should().BeSameAs(ProductErrors.StockLimitExceeded);
        await _catalog.DidNotReceiveWithAnyArgs().AdjustTotalStockAsync(default!, _ct);
        await _gate.DidNotReceiveWithAnyArgs().AdjustAvailableAsync(default, default, _ct);
    }

    private static ProductResponse Expected(Product p, int available) =>
        new(p.Id, p.Sku, p.Name, p.Price, p.TotalStock, available, p.MaxPerCustomer, p.HoldSeconds);

    private ValueTask<Result<ProductResponse>> Handle(Guid id, int delta) => _handler.Handle(new AdjustStockCommand(id, delta, "admin"), _ct);

    private static StockAdjustment Change(Guid id, int delta) => Arg.Is<StockAdjustment>(a => a.ProductId == id && a.Delta == delta);

    // The catalog answers with a fresh instance, so a handler that reused the product it found would show.
    private Product GivenCatalogAdjusts(int delta, int stock)
    {
        var adjusted = TestProducts.Create(stock: stock, price: 12.50m, maxPerCustomer: 4, holdSeconds: 120);
        _catalog.AdjustTotalStockAsync(Change(Id, delta), Arg.Any<CancellationToken>()).Returns(adjusted);
        return adjusted;
    }

    private void GivenGateAdjusts(int delta, Result<int> outcome) =>
        _gate.AdjustAvailableAsync(Id, delta, Arg.Any<CancellationToken>()).Returns(outcome);
}
