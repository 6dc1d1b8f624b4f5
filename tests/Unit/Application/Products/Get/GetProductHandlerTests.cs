using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Application.Products.Get;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products.Get;

public class GetProductHandlerTests
{
    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IStockGate _gate = Substitute.For<IStockGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly GetProductHandler _handler;

    public GetProductHandlerTests() => _handler = new GetProductHandler(_catalog, _gate);

    [Fact]
    public async Task Handle_WhenProductUnknown_ReturnsNotFoundWithoutAskingTheGate()
    {
        _catalog.FindAsync(Arg.Any<Guid>(), Arg.Any<CancellationToken>()).Returns((Product?)null);

        var result = await _handler.Handle(new GetProductQuery(Guid.CreateVersion7()), _ct);

        result.Error.Should().BeSameAs(ProductErrors.NotFound);
        await _gate.DidNotReceiveWithAnyArgs().GetAvailableAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenProductKnown_ReturnsItWithTheGatesAvailable()
    {
        var product = TestProducts.Create(stock: 250, price: 12.50m, maxPerCustomer: 4, holdSeconds: 120);
        _catalog.FindAsync(product.Id, _ct).Returns(product);
        _gate.GetAvailableAsync(Arg.Is<IReadOnlyCollection<Guid>>(ids => ids.SequenceEqual(new[] { product.Id })), _ct)
            .Returns(new Dictionary<Guid, int> { [product.Id] = 7 });

        var result = await _handler.Handle(new GetProductQuery(product.Id), _ct);

        result.Value.Should().Be(new ProductResponse(product.Id, "TICKET-1", "Ticket TICKET-1", 12.50m, 250, 7, 4, 120, 360, null, null, false, null));
    }

    [Fact]
    public async Task Handle_WhenGateHasNoState_ReturnsZeroAvailable()
    {
        var product = TestProducts.Create(stock: 250);
        _catalog.FindAsync(product.Id, _ct).Returns(product);
        _gate.GetAvailableAsync(Arg.Any<IReadOnlyCollection<Guid>>(), _ct).Returns(new Dictionary<Guid, int>());

        var result = await _handler.Handle(new GetProductQuery(product.Id), _ct);

        result.Value.Available.Should().Be(0);
        result.Value.TotalStock.Should().Be(250);
    }
}
