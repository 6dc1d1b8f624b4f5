using System.Collections.ObjectModel;
using NSubstitute;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Application.Products.WarmUp;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products.WarmUp;

public class WarmUpInventoryHandlerTests
{
    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IStockGate _gate = Substitute.For<IStockGate>();
    private readonly IPurchasedUnits _purchases = Substitute.For<IPurchasedUnits>();
    private readonly IGateStateMarkers _markers = Substitute.For<IGateStateMarkers>();

    public WarmUpInventoryHandlerTests()
    {
        _gate.GetAvailableAsync(Arg.Any<IReadOnlyCollection<Guid>>(), _ct).Returns(new Dictionary<Guid, int>());
        _purchases.PurchasedByCustomerAsync(Arg.Any<Guid>(), _ct).Returns(ReadOnlyDictionary<string, int>.Empty);
        _markers.MissingAsync(_ct).Returns([]);
    }

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenCatalogSpansTwoPages_InitializesEveryProductWithItsUnsoldStock()
    {
        var products = Products(PageRequest.MaxPageSize + 3);
        GivenPages(products);
        _gate.InitializeAsync(Arg.Any<InventoryItem>(), _ct).Returns(true);

        await Handle();

        foreach (var (p, i) in products.Select((p, i) => (p, i)))
        {
            var unsold = 10 + i - (i % 7);
            await _gate.Received(1).InitializeAsync(new InventoryItem(p.Id, unsold, 49.90m, i % 2 == 0 ? null : i, 300), _ct);
        }

        _gate.ReceivedCalls().Count(c => c.GetMethodInfo().Name == nameof(IStockGate.InitializeAsync)).Should().Be(products.Length);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-3)]
    public async Task Handle_LeavesPendingAdjustmentsOutOfTheNewState_SinceApplyingThemAddsThemLater(int pendingDelta)
    {
        var product = TestProducts.Create(stock: 100).WithSold(10);
        GivenPages([product], pendingDelta);
        _gate.InitializeAsync(Arg.Any<InventoryItem>(), _ct).Returns(true);

        await Handle();

        await _gate.Received(1).InitializeAsync(Arg.Is<InventoryItem>(i => i.ProductId == product.Id && i.Available == 90 - pendingDelta), _ct);
    }

    [Fact]
    public async Task Handle_WhenCatalogSpansTwoPages_ReadsBothPagesAndStops()
    {
        GivenPages(Products(PageRequest.MaxPageSize + 3));

        await Handle();

        await _catalog.Received(1).ListForWarmUpAsync(1, PageRequest.MaxPageSize, _ct);
        await _catalog.Received(1).ListForWarmUpAsync(2, PageRequest.MaxPageSize, _ct);
        _catalog.ReceivedCalls().Should().HaveCount(2);
    }

    [Fact]
    public async Task Handle_WhenSomeStatesExist_CountsOnlyTheCreatedOnes()
    {
        var products = Products(PageRequest.MaxPageSize + 3);
        GivenPages(products);
        var missing = products.Where((_, i) => i % 3 == 0).Select(p => p.Id).ToHashSet();
        _gate.InitializeAsync(Arg.Any<InventoryItem>(), _ct).Returns(call => missing.Contains(call.Arg<InventoryItem>().ProductId));

        var result = await Handle();

        result.Should().BeEquivalentTo(new WarmUpInventoryResult(products.Length, missing.Count, []));
    }

    [Fact]
    public async Task Handle_WhenLastPageIsExactlyFull_ReadsAnEmptyPageAndStops()
    {
        var products = Products(PageRequest.MaxPageSize);
        GivenPages(products);
        _gate.InitializeAsync(Arg.Any<InventoryItem>(), _ct).Returns(false);

        var result = await Handle();

        result.Should().BeEquivalentTo(new WarmUpInventoryResult(PageRequest.MaxPageSize, 0, []));
        _catalog.ReceivedCalls().Should().HaveCount(2);
    }

    [Fact]
    public async Task Handle_WhenCatalogIsEmpty_ReturnsZeroCounts()
    {
        GivenPages([]);

        var result = await Handle();

        result.Should().BeEquivalentTo(new WarmUpInventoryResult(0, 0, []));
        await _gate.DidNotReceiveWithAnyArgs().InitializeAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_OnlyWhenStateLost_WithEveryMarkerThere_TouchesNothing()
    {
        GivenPages(Products(3));

        var result = await Handle(onlyWhenStateLost: true);

        result.Should().BeSameAs(WarmUpInventoryResult.Skipped);
        _catalog.ReceivedCalls().Should().BeEmpty();
        _gate.ReceivedCalls().Should().BeEmpty();
        await _markers.DidNotReceive().MarkAllAsync(_ct);
    }

    [Fact]
    public async Task Handle_OnlyWhenStateLost_WithAShardLost_MarksEveryShardBeforeRebuildingAndReportsTheLostOnes()
    {
        GivenPages(Products(3));
        _markers.MissingAsync(_ct).Returns([2, 5]);

        var result = await Handle(onlyWhenStateLost: true);

        result.LostShards.Should().Equal(2, 5);
        result.Products.Should().Be(3);
        Received.InOrder(() =>
        {
            _markers.MarkAllAsync(_ct);
            _catalog.ListForWarmUpAsync(1, PageRequest.MaxPageSize, _ct);
        });
    }

    [Fact]
    public async Task Handle_ALimitedProductWithoutState_CarriesWhatEachCustomerBought_AndAPresentOneIsNotLookedUp()
    {
        var products = Products(4);
        GivenPages(products);
        var (missing, present) = (products[1], products[3]);
        _gate.GetAvailableAsync(Arg.Any<IReadOnlyCollection<Guid>>(), _ct).Returns(new Dictionary<Guid, int>
        {
            [products[0].Id] = 1, [products[2].Id] = 1, [present.Id] = 1,
        });
        var bought = new Dictionary<string, int> { ["ann"] = 2, ["bob"] = 1 };
        _purchases.PurchasedByCustomerAsync(missing.Id, _ct).Returns(bought);

        await Handle();

        await _gate.Received(1).InitializeAsync(Arg.Is<InventoryItem>(item => item.ProductId == missing.Id && item.PurchasedByCustomer == bought), _ct);
        await _gate.Received(1).InitializeAsync(Arg.Is<InventoryItem>(item => item.ProductId == present.Id && item.PurchasedByCustomer.Count == 0), _ct);
        await _purchases.DidNotReceive().PurchasedByCustomerAsync(present.Id, _ct);
    }

    private ValueTask<WarmUpInventoryResult> Handle(bool onlyWhenStateLost = false) =>
        new WarmUpInventoryHandler(_catalog, _gate, _purchases, _markers).Handle(new WarmUpInventoryCommand(onlyWhenStateLost), _ct);

    private void GivenPages(Product[] products, int pendingDelta = 0)
    {
        _catalog.ListForWarmUpAsync(Arg.Any<int>(), PageRequest.MaxPageSize, _ct).Returns(call =>
            (IReadOnlyList<WarmUpProduct>)[.. products.Skip((call.ArgAt<int>(0) - 1) * PageRequest.MaxPageSize).Take(PageRequest.MaxPageSize)
                .Select(p => new WarmUpProduct(p, pendingDelta))]);
    }

    // Product i: stock 10 + i, i % 7 sold, no limit for even i; price and hold are TestProducts' defaults.
    private static Product[] Products(int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
            TestProducts.Create($"SKU-{i}", stock: 10 + i, maxPerCustomer: i % 2 == 0 ? null : i).WithSold(i % 7))];
}
