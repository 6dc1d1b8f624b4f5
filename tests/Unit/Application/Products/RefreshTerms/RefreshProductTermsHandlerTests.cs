using NSubstitute;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products.RefreshTerms;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products.RefreshTerms;

public class RefreshProductTermsHandlerTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IInventoryGate _gate = Substitute.For<IInventoryGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WritesTheTermsOfEveryProductUpdatedSince_BatchAfterBatch()
    {
        var first = Enumerable.Range(0, PageRequest.MaxPageSize).Select(i => TestProducts.Create($"FIRST-{i}")).ToList();
        var second = TestProducts.Create("SECOND-0");
        _catalog.ListUpdatedSinceAsync(Since, null, PageRequest.MaxPageSize, _ct).Returns(first);
        _catalog.ListUpdatedSinceAsync(Since, first[^1], PageRequest.MaxPageSize, _ct).Returns([second]);

        var written = await new RefreshProductTermsHandler(_catalog, _gate).Handle(new RefreshProductTermsCommand(Since), _ct);

        written.Should().Be(PageRequest.MaxPageSize + 1);
        foreach (var product in first.Append(second))
        {
            await _gate.Received(1).WriteTermsAsync(Arg.Is<InventoryItem>(i => i.ProductId == product.Id && i.Price == product.Price), _ct);
        }
    }
}
