using System.Net;
using Reservations.Application.Common.Paging;
using Reservations.Application.Products.Adjustments;
using Reservations.Domain.Products;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Products;

/// <summary>Every stock change is recorded in PostgreSQL (who, when, delta, reason) and listed to admins.</summary>
public sealed class StockAdjustmentAuditTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task Adjustments_AreListedNewestFirstWithWhoWhenDeltaAndReason_AndARefusedOneIsNotRecorded()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var before = DateTimeOffset.UtcNow;
        var carol = api.CreateClient(Tokens.Admin("carol"));
        var dave = api.CreateClient(Tokens.Admin("dave"));

        (await carol.PostJsonAsync($"/api/products/{product.Id}/stock", new { delta = 5, reason = "late delivery" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await dave.PostJsonAsync($"/api/products/{product.Id}/stock", new { delta = -2 })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await dave.PostJsonAsync($"/api/products/{product.Id}/stock", new { delta = -100 })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var list = await (await carol.GetAsync(new Uri($"/api/products/{product.Id}/adjustments", UriKind.Relative), TestContext.Current.CancellationToken))
            .ShouldBeJsonAsync<PagedResponse<StockAdjustmentResponse>>(HttpStatusCode.OK);

        list.Total.Should().Be(2);
        list.Items.Should().SatisfyRespectively(
            latest => latest.Should().BeEquivalentTo(new { Delta = -2, Actor = "dave", Reason = (string?)null, Status = StockAdjustmentStatus.Applied }),
            first => first.Should().BeEquivalentTo(new { Delta = 5, Actor = "carol", Reason = "late delivery", Status = StockAdjustmentStatus.Applied }));
        list.Items.Should().OnlyContain(a => a.At >= before.AddSeconds(-1) && a.At <= DateTimeOffset.UtcNow.AddSeconds(1));
        (await api.ScalarAsync<long>($"SELECT count(*) FROM stock_adjustments WHERE product_id = '{product.Id}'")).Should().Be(2);
    }

    [Fact]
    public async Task Adjustments_OfAnUnknownProduct_Are404()
    {
        var response = await api.CreateClient(Tokens.Admin()).GetAsync(
            new Uri($"/api/products/{Guid.CreateVersion7()}/adjustments", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "product-not-found");
    }

    [Fact]
    public async Task AReasonWithAControlCharacter_Is400AndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 10);

        var response = await api.CreateClient(Tokens.Admin()).PostRawJsonAsync(
            $"/api/products/{product.Id}/stock", """{"delta":1,"reason":"a\u0000b"}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        (await api.LedgerAsync(product.Id)).TotalStock.Should().Be(10);
    }
}
