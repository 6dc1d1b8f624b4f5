using Microsoft.Extensions.Options;
using NSubstitute;
using Reservations.Application.Common;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Application.Products.Create;
using Reservations.Domain.Products;
using Reservations.UnitTests.Application.Common;

namespace Reservations.UnitTests.Application.Products.Create;

public class CreateProductHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 13, 10, 4, TimeSpan.Zero);

    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IStockGate _gate = Substitute.For<IStockGate>();
    private readonly IProductIds _ids = Substitute.For<IProductIds>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly CreateProductHandler _handler;

    public CreateProductHandlerTests()
    {
        _catalog.AddAsync(Arg.Any<Product>(), Arg.Any<CancellationToken>())
            .Returns(call => Result<Product>.Success(call.Arg<Product>()));
        _gate.InitializeAsync(Arg.Any<InventoryItem>(), Arg.Any<CancellationToken>()).Returns(true);
        _ids.NewProductId(Arg.Any<string?>(), Arg.Any<DateTimeOffset>()).Returns(_ => Guid.CreateVersion7());
        var options = Options.Create(new ReservationsOptions { DefaultHoldSeconds = 900 });
        _handler = new CreateProductHandler(_catalog, _gate, _ids, new FixedTimeProvider(Now), options);
    }

    [Fact]
    public async Task Handle_WhenSkuIsFree_AddsTheProductToTheCatalog()
    {
        await _handler.Handle(new CreateProductCommand("TICKET-1", "Concert ticket", 49.90m, 250, 4, 120), _ct);

        await _catalog.Received(1).AddAsync(
            Arg.Is<Product>(p => p.Sku == "TICKET-1" && p.Name == "Concert ticket" && p.Price == 49.90m && p.TotalStock == 250
                && p.MaxPerCustomer == 4 && p.HoldSeconds == 120 && p.CreatedAt == Now),
            _ct);
    }

    [Fact]
    public async Task Handle_WhenSkuIsFree_InitializesTheGateWithTheWholeStock()
    {
        var result = await _handler.Handle(new CreateProductCommand("TICKET-1", "Concert ticket", 49.90m, 250, 4, 120), _ct);

        await _gate.Received(1).InitializeAsync(new InventoryItem(result.Value.Id, 250, 49.90m, 4, 120), _ct);
    }

    [Fact]
    public async Task Handle_WhenSkuIsFree_ReturnsTheProductWithAllStockAvailable()
    {
        var result = await _handler.Handle(new CreateProductCommand("TICKET-1", "Concert ticket", 49.90m, 250, 4, 120), _ct);

        result.IsSuccess.Should().BeTrue();
        result.Value.Should().BeEquivalentTo(new
        {
            Sku = "TICKET-1", Name = "Concert ticket", Price = 49.90m, TotalStock = 250, Available = 250, MaxPerCustomer = 4, HoldSeconds = 120,
        });
        result.Value.Id.Version.Should().Be(7);
    }

    [Fact]
    public async Task Handle_WithSaleId_DrawsTheIdForTheSaleAndGivesTheSaleToTheGate()
    {
        var id = Guid.CreateVersion7();
        _ids.NewProductId("tour-2026", Now).Returns(id);

        var result = await _handler.Handle(new CreateProductCommand("TICKET-1", "Concert ticket", 49.90m, 250, SaleId: "tour-2026"), _ct);

        result.Value.Id.Should().Be(id);
        result.Value.SaleId.Should().Be("tour-2026");
        await _catalog.Received(1).AddAsync(Arg.Is<Product>(p => p.Id == id && p.SaleId == "tour-2026"), _ct);
        await _gate.Received(1).InitializeAsync(Arg.Is<InventoryItem>(i => i.ProductId == id && i.SaleId == "tour-2026"), _ct);
    }

    [Fact]
    public async Task Handle_WhenHoldSecondsAbsent_UsesTheConfiguredDefault()
    {
        var result = await _handler.Handle(new CreateProductCommand("TICKET-1", "Concert ticket", 49.90m, 250), _ct);

        result.Value.HoldSeconds.Should().Be(900);
        result.Value.MaxPerCustomer.Should().BeNull();
        await _gate.Received(1).InitializeAsync(Arg.Is<InventoryItem>(i => i.HoldSeconds == 900 && i.MaxPerCustomer == null), _ct);
    }

    [Fact]
    public async Task Handle_WithMaxHoldSeconds_StoresItAndGivesItToTheGate()
    {
        var result = await _handler.Handle(new CreateProductCommand("TICKET-1", "Concert ticket", 49.90m, 250, 4, 120, MaxHoldSeconds: 1000), _ct);

        result.Value.MaxHoldSeconds.Should().Be(1000);
        await _catalog.Received(1).AddAsync(Arg.Is<Product>(p => p.MaxHoldSeconds == 1000), _ct);
        await _gate.Received(1).InitializeAsync(Arg.Is<InventoryItem>(i => i.HoldSeconds == 120 && i.MaxHoldSeconds == 1000), _ct);
    }

    [Fact]
    public async Task Handle_WhenMaxHoldSecondsAbsent_CapsAtThreeHolds()
    {
        var result = await _handler.Handle(new CreateProductCommand("TICKET-1", "Concert ticket", 49.90m, 250, 4, 120), _ct);

        result.Value.MaxHoldSeconds.Should().Be(360);
    }

    [Fact]
    public async Task Handle_WhenSkuIsTaken_ReturnsDuplicateSkuAndLeavesTheGateAlone()
    {
        _catalog.AddAsync(Arg.Any<Product>(), Arg.Any<CancellationToken>()).Returns(Result<Product>.Failure(ProductErrors.DuplicateSku));

        var result = await _handler.Handle(new CreateProductCommand("TICKET-1", "Concert ticket", 49.90m, 250), _ct);

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().BeSameAs(ProductErrors.DuplicateSku);
        await _gate.DidNotReceiveWithAnyArgs().InitializeAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenTheSameProductWasStoredWithoutGateState_InitializesItAndReturnsIt()
    {
        var stranded = TestProducts.Create("TICKET-1", stock: 250, maxPerCustomer: 4, holdSeconds: 120);
        GivenTaken(stranded);
        _gate.GetStockAsync(stranded.Id, _ct).Returns((GateStock?)null);

        var result = await _handler.Handle(new CreateProductCommand("TICKET-1", stranded.Name, stranded.Price, 250, 4, 120), _ct);

        result.Value.Id.Should().Be(stranded.Id);
        await _gate.Received(1).InitializeAsync(new InventoryItem(stranded.Id, 250, stranded.Price, 4, 120), _ct);
    }

    [Fact]
    public async Task Handle_WhenTheSameProductHasGateState_ReturnsDuplicateSku()
    {
        var existing = TestProducts.Create("TICKET-1", stock: 250, maxPerCustomer: 4, holdSeconds: 120);
        GivenTaken(existing);
        _gate.GetStockAsync(existing.Id, _ct).Returns(new GateStock(250, 0, 0, 0));

        var result = await _handler.Handle(new CreateProductCommand("TICKET-1", existing.Name, existing.Price, 250, 4, 120), _ct);

        result.Error.Should().BeSameAs(ProductErrors.DuplicateSku);
        await _gate.DidNotReceiveWithAnyArgs().InitializeAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenAProductWithOtherTermsHoldsTheSku_ReturnsDuplicateSkuEvenWithoutGateState()
    {
        var other = TestProducts.Create("TICKET-1", stock: 100);
        GivenTaken(other);
        _gate.GetStockAsync(other.Id, _ct).Returns((GateStock?)null);

        var result = await _handler.Handle(new CreateProductCommand("TICKET-1", other.Name, other.Price, 250), _ct);

        result.Error.Should().BeSameAs(ProductErrors.DuplicateSku);
        await _gate.DidNotReceiveWithAnyArgs().InitializeAsync(default!, _ct);
    }

    private void GivenTaken(Product existing)
    {
        _catalog.AddAsync(Arg.Any<Product>(), Arg.Any<CancellationToken>()).Returns(Result<Product>.Failure(ProductErrors.DuplicateSku));
        _catalog.FindBySkuAsync("TICKET-1", _ct).Returns(existing);
    }
}
