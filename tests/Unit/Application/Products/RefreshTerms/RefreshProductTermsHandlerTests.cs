using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Application.Products.RefreshTerms;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products.RefreshTerms;

public class RefreshProductTermsHandlerTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IStockGate _gate = Substitute.For<IStockGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WritesTheTermsOfEveryProductUpdatedSince_BatchAfterBatch()
    {
        var first = Enumerable.Range(0, PageRequest.MaxPageSize).Select(i => TestProducts.Create($"FIRST-{i}")).ToList();
        var second = TestProducts.Create("SECOND-0");
        _catalog.ListUpdatedSinceAsync(Since, null, PageRequest.MaxPageSize, _ct).Returns(first);
        _catalog.ListUpdatedSinceAsync(Since, first[^1], PageRequest.MaxPageSize, _ct).Returns([second]);

        var refresh = await Handler().Handle(new RefreshProductTermsCommand(Since), _ct);

        refresh.Should().Be(new TermsRefresh(PageRequest.MaxPageSize + 1, 0));
        foreach (var product in first.Append(second))
        {
            await _gate.Received(1).WriteTermsAsync(Arg.Is<InventoryItem>(i => i.ProductId == product.Id && i.Price == product.Price), _ct);
        }
    }

    [Fact]
    public async Task Handle_WhenOneProductsTermsCannotBeWritten_WritesTheOthersAndCountsIt()
    {
        var (broken, healthy) = (TestProducts.Create("BROKEN-0"), TestProducts.Create("HEALTHY-0"));
        _catalog.ListUpdatedSinceAsync(Since, null, PageRequest.MaxPageSize, _ct).Returns([broken, healthy]);
        _gate.WriteTermsAsync(Arg.Is<InventoryItem>(i => i.ProductId == broken.Id), _ct)
            .Returns(Task.FromException<bool>(new InvalidOperationException("WRONGTYPE")));

        var refresh = await Handler().Handle(new RefreshProductTermsCommand(Since), _ct);

        refresh.Should().Be(new TermsRefresh(1, 1));
        await _gate.Received(1).WriteTermsAsync(Arg.Is<InventoryItem>(i => i.ProductId == healthy.Id), _ct);
    }

    private RefreshProductTermsHandler Handler() => new(_catalog, _gate, NullLogger<RefreshProductTermsHandler>.Instance);
}
