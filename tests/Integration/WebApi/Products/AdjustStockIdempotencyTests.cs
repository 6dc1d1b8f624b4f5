using System.Net;
using Reservations.Application.Products.AdjustStock;
using Reservations.Domain.Products;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Products;

/// <summary>Retrying an adjustment with its <c>Idempotency-Key</c>, and guarding one with <c>expectedTotalStock</c>.</summary>
public sealed class AdjustStockIdempotencyTests(UnthrottledApiFactory api) : IClassFixture<UnthrottledApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Fact]
    public async Task ARetryWithTheSameKey_ReturnsTheSameAdjustment_AndChangesTheStockOnce()
    {
        var product = await api.CreateProductAsync(stock: 100);

        var first = await (await _admin.AdjustStockAsync(product.Id, 5, "restock-1")).ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Created);
        var retry = await (await _admin.AdjustStockAsync(product.Id, 5, "restock-1")).ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Created);

        retry.Should().BeEquivalentTo(first);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 105, Available = 105 });
        (await api.AdjustmentCountAsync(product.Id, StockAdjustmentStatus.Applied)).Should().Be(1);
    }

    [Fact]
    public async Task TwentyConcurrentRequestsWithOneKey_MakeOneAdjustment()
    {
        var product = await api.CreateProductAsync(stock: 100);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            await (await _admin.AdjustStockAsync(product.Id, -5, "shrinkage-7")).ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Created)));

        answers.Select(a => a.AdjustmentId).Distinct().Should().ContainSingle();
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 95, Available = 95 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task TheSameKeyOnAnotherProduct_IsAnotherAdjustment()
    {
        var first = await api.CreateProductAsync(stock: 100);
        var second = await api.CreateProductAsync(stock: 100);

        var a = await (await _admin.AdjustStockAsync(first.Id, 5, "weekly")).ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Created);
        var b = await (await _admin.AdjustStockAsync(second.Id, 5, "weekly")).ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Created);

        b.AdjustmentId.Should().NotBe(a.AdjustmentId);
        (await api.LedgerAsync(second.Id)).TotalStock.Should().Be(105);
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBody_Is422_AndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 100);
        await (await _admin.AdjustStockAsync(product.Id, 5, "restock-2")).ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Created);

        var otherDelta = await _admin.AdjustStockAsync(product.Id, 6, "restock-2");
        var otherReason = await _admin.AdjustStockAsync(product.Id, 5, "restock-2", reason: "another");

        await otherDelta.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        await otherReason.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { TotalStock = 105, Available = 105 });
    }

    [Fact]
    public async Task ARefusedRemoval_RetriedWithItsKey_IsRefusedAgain_EvenOnceTheUnitsAreThere()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var hold = await api.CreateClient(Tokens.Customer("bob")).ReserveOkAsync(product.Id, quantity: 8);
        await (await _admin.AdjustStockAsync(product.Id, -5, "clear-5")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "insufficient-available");
        (await api.CreateClient(Tokens.Customer("bob")).ReleaseAsync(hold.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var retry = await _admin.AdjustStockAsync(product.Id, -5, "clear-5");

        await retry.ShouldBeProblemAsync(HttpStatusCode.Conflict, "insufficient-available");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 10, Available = 10 });
    }

    [Fact]
    public async Task AnExpectedTotalThatDiffers_Is409WithTheTotal_AndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 100);

        var response = await _admin.AdjustStockAsync(product.Id, 5, expectedTotalStock: 99);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "total-stock-mismatch");
        problem.GetProperty("totalStock").GetInt32().Should().Be(100);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { TotalStock = 100, Available = 100 });
        (await api.ScalarAsync<long>($"SELECT count(*) FROM stock_adjustments WHERE product_id = '{product.Id}'")).Should().Be(0);
    }

    [Fact]
    public async Task TwoAdminsExpectingTheSameTotal_OnlyOneAdjusts()
    {
        var product = await api.CreateProductAsync(stock: 100);

        var statuses = await Task.WhenAll(
            Enumerable.Range(0, 2).Select(async _ => (await _admin.AdjustStockAsync(product.Id, 5, expectedTotalStock: 100)).StatusCode));

        statuses.Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { TotalStock = 105, Available = 105 });
    }

    [Fact]
    public async Task AReplayWithTheKey_IsAnsweredEvenThoughTheTotalNoLongerMatchesItsExpectation()
    {
        var product = await api.CreateProductAsync(stock: 100);
        var first = await (await _admin.AdjustStockAsync(product.Id, 5, "guarded", 100)).ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Created);

        var retry = await (await _admin.AdjustStockAsync(product.Id, 5, "guarded", 100)).ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Created);

        retry.AdjustmentId.Should().Be(first.AdjustmentId);
        (await api.LedgerAsync(product.Id)).TotalStock.Should().Be(105);
    }

    [Fact]
    public async Task AnInvalidKey_Is400()
    {
        var product = await api.CreateProductAsync(stock: 100);

        var response = await _admin.AdjustStockAsync(product.Id, 5, new string('k', 256));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
    }
}
