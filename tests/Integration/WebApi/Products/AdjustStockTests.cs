using System.Net;
using Reservations.Application.Products;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Products;

public sealed class AdjustStockTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Fact]
    public async Task AdjustStock_Adding_RaisesTotalAndAvailableTogether()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.CreateClient(Tokens.Customer("alice")).ReserveOkAsync(product.Id, quantity: 4);

        var adjusted = await (await AdjustAsync(product.Id, 5)).ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.OK);

        adjusted.Should().BeEquivalentTo(new { TotalStock = 15, Available = 11 });
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 15, Available = 11, Held = 4 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task AdjustStock_RemovingWhatIsAvailable_LowersBoth()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.CreateClient(Tokens.Customer("alice")).ReserveOkAsync(product.Id, quantity: 4);

        var adjusted = await (await AdjustAsync(product.Id, -6)).ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.OK);

        adjusted.Should().BeEquivalentTo(new { TotalStock = 4, Available = 0 });
        (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
    }

    [Fact]
    public async Task AdjustStock_RemovingMoreThanIsAvailable_Returns409AndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.CreateClient(Tokens.Customer("alice")).ReserveOkAsync(product.Id, quantity: 4);

        var response = await AdjustAsync(product.Id, -7);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "insufficient-available");
        problem.GetProperty("available").GetInt32().Should().Be(6);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 10, Available = 6, Held = 4 });
    }

    [Fact]
    public async Task AdjustStock_ConcurrentRemovalsAndReserves_NeverOversellAndKeepTheLedger()
    {
        var product = await api.CreateProductAsync(stock: 50);

        var work = Enumerable.Range(0, 60).Select(async i => i % 2 == 0
            ? (await AdjustAsync(product.Id, -2)).StatusCode
            : (await api.CreateClient(Tokens.Customer($"buyer-{i}")).ReserveAsync(product.Id, 2)).StatusCode);
        var statuses = await Task.WhenAll(work);

        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Available.Should().BeGreaterThanOrEqualTo(0);
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task AdjustStock_WithZeroDelta_Returns400()
    {
        var product = await api.CreateProductAsync(stock: 10);

        await (await AdjustAsync(product.Id, 0)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task AdjustStock_UnknownProduct_Returns404()
    {
        await (await AdjustAsync(Guid.NewGuid(), 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "product-not-found");
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

    private Task<HttpResponseMessage> AdjustAsync(Guid productId, int delta) =>
        _admin.PostJsonAsync($"/api/products/{productId}/stock", new { delta });
}
