using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Application.Products.List;

namespace Reservations.UnitTests.Application.Products.List;

public class ListProductsHandlerTests
{
    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IStockGate _gate = Substitute.For<IStockGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenCatalogHasAPage_MapsItWithTheGatesCounts()
    {
        var first = TestProducts.Create("A-1", stock: 10);
        var second = TestProducts.Create("B-2", stock: 20);
        _catalog.ListAsync(2, 3, _ct).Returns(TestProducts.Page(5, first, second));
        _gate.GetAvailableAsync(Arg.Any<IReadOnlyCollection<Guid>>(), _ct).Returns(new Dictionary<Guid, int> { [first.Id] = 4 });

        var page = await new ListProductsHandler(_catalog, _gate).Handle(new ListProductsQuery(2, 3), _ct);

        page.Items.Select(i => (i.Id, i.Sku, i.TotalStock, i.Available)).Should()
            .Equal((first.Id, "A-1", 10, 4), (second.Id, "B-2", 20, 0));
        (page.Page, page.PageSize, page.Total).Should().Be((2, 3, 5));
    }

    [Fact]
    public async Task Handle_WhenCatalogHasAPage_AsksTheGateOnceForAllIds()
    {
        var products = new[] { TestProducts.Create("A-1"), TestProducts.Create("B-2"), TestProducts.Create("C-3") };
        _catalog.ListAsync(1, 20, _ct).Returns(TestProducts.Page(3, products));
        _gate.GetAvailableAsync(Arg.Any<IReadOnlyCollection<Guid>>(), _ct).Returns(new Dictionary<Guid, int>());

        await new ListProductsHandler(_catalog, _gate).Handle(new ListProductsQuery(1, 20), _ct);

        var call = _gate.ReceivedCalls().Should().ContainSingle().Subject;
        call.GetArguments()[0].Should().BeAssignableTo<IReadOnlyCollection<Guid>>()
            .Which.Should().BeEquivalentTo(products.Select(p => p.Id));
    }

    [Fact]
    public async Task Handle_WhenPageIsEmpty_ReturnsNoItemsWithTheTotal()
    {
        _catalog.ListAsync(9, 20, _ct).Returns(TestProducts.Page(3));
        _gate.GetAvailableAsync(Arg.Any<IReadOnlyCollection<Guid>>(), _ct).Returns(new Dictionary<Guid, int>());

        var page = await new ListProductsHandler(_catalog, _gate).Handle(new ListProductsQuery(9, 20), _ct);

        page.Items.Should().BeEmpty();
        (page.Page, page.PageSize, page.Total).Should().Be((9, 20, 3));
    }
}
