using System.Net;
using Reservations.Application.Products.AdjustStock;
using Reservations.Domain.Products;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Products;

public sealed class AdjustStockTests(UnthrottledApiFactory api) : IClassFixture<UnthrottledApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Fact]
    public async Task AdjustStock_Adding_RaisesTotalAndAvailableTogether_AndTheAdjustmentReadsApplied()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.CreateClient(Tokens.Customer("alice")).ReserveOkAsync(product.Id, quantity: 4);

        var response = await _admin.AdjustStockAsync(product.Id, 5);

        var adjusted = await response.ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Created);
        adjusted.Should().BeEquivalentTo(new
        {
            ProductId = product.Id, Delta = 5, Status = StockAdjustmentStatus.Applied, TotalStock = 15, Available = (int?)11,
        });
        response.Headers.Location!.ToString().Should().Be($"/api/products/{product.Id}/adjustments/{adjusted.AdjustmentId}");
        (await _admin.AdjustmentAsync(response.Headers.Location)).Status.Should().Be(StockAdjustmentStatus.Applied);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 15, Available = 11, Held = 4 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task AdjustStock_RemovingWhatIsAvailable_LowersBoth()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.CreateClient(Tokens.Customer("alice")).ReserveOkAsync(product.Id, quantity: 4);

        var adjusted = await (await _admin.AdjustStockAsync(product.Id, -6)).ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Created);

        adjusted.Should().BeEquivalentTo(new { TotalStock = 4, Available = (int?)0 });
        (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
    }

    [Fact]
    public async Task AdjustStock_RemovingMoreThanIsAvailable_Returns409AndChangesNothing_TheAdjustmentIsRecordedReverted()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.CreateClient(Tokens.Customer("alice")).ReserveOkAsync(product.Id, quantity: 4);

        var response = await _admin.AdjustStockAsync(product.Id, -7);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "insufficient-available");
        problem.GetProperty("available").GetInt32().Should().Be(6);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 10, Available = 6, Held = 4 });
        ledger.ShouldBeBalanced();
        (await api.AdjustmentCountAsync(product.Id, StockAdjustmentStatus.Reverted)).Should().Be(1);
        (await api.AdjustmentCountAsync(product.Id, StockAdjustmentStatus.Pending)).Should().Be(0);
    }

    [Fact]
    public async Task AdjustStock_ConcurrentAdjustmentsAndReserves_NeverOversell_AndTheTotalMovesByWhatWasApplied()
    {
        var product = await api.CreateProductAsync(stock: 50);

        var work = Enumerable.Range(0, 90).Select(async i => (i % 3) switch
        {
            0 => (Status: (await _admin.AdjustStockAsync(product.Id, -3)).StatusCode, Delta: -3),
            1 => (Status: (await _admin.AdjustStockAsync(product.Id, 2)).StatusCode, Delta: 2),
            _ => (Status: (await api.CreateClient(Tokens.Customer($"buyer-{i}")).ReserveAsync(product.Id, 2)).StatusCode, Delta: 0),
        });
        var outcomes = await Task.WhenAll(work);

        outcomes.Should().OnlyContain(o => o.Status == HttpStatusCode.Created || o.Status == HttpStatusCode.Conflict);
        var applied = outcomes.Where(o => o.Delta != 0 && o.Status == HttpStatusCode.Created).Sum(o => o.Delta);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.TotalStock.Should().Be(50 + applied);
        ledger.Held.Should().Be(2 * outcomes.Count(o => o.Delta == 0 && o.Status == HttpStatusCode.Created));
        ledger.ShouldBeBalanced();
        (await api.AdjustmentCountAsync(product.Id, StockAdjustmentStatus.Pending)).Should().Be(0);
    }

    [Fact]
    public async Task AdjustStock_WithZeroDelta_Returns400()
    {
        var product = await api.CreateProductAsync(stock: 10);

        await (await _admin.AdjustStockAsync(product.Id, 0)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task AdjustStock_UnknownProduct_Returns404()
    {
        await (await _admin.AdjustStockAsync(Guid.NewGuid(), 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "product-not-found");
    }

    [Fact]
    public async Task Adjustment_UnknownId_Returns404()
    {
        var product = await api.CreateProductAsync(stock: 10);

        var response = await _admin.GetAsync(
            new Uri($"/api/products/{product.Id}/adjustments/{Guid.CreateVersion7()}", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "adjustment-not-found");
    }

    [Fact]
    public async Task AdminRoutes_AsCustomer_Return403()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var customer = api.CreateClient(Tokens.Customer("alice"));

        var adjust = await customer.PostJsonAsync($"/api/products/{product.Id}/stock", new { delta = 1 });
        var ledger = await customer.GetAsync(new Uri($"/api/products/{product.Id}/ledger", UriKind.Relative), TestContext.Current.CancellationToken);

        await adjust.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await ledger.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Ledger_UnknownProduct_Returns404()
    {
        var response = await _admin.GetAsync(new Uri($"/api/products/{Guid.NewGuid()}/ledger", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "product-not-found");
    }
}
