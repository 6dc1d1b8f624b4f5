using System.Net;
using Reservations.Application.Admin.DeadLetters;
using Reservations.Application.Common.Paging;
using Reservations.Application.Purchases;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Purchases;

public sealed class PurchasesAndDeadLettersTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer("alice-orders"));
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Fact]
    public async Task Orders_AppearOnceThePurchaseIsPersisted_NewestFirst_AndOnlyForTheirOwner()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var first = await _alice.ReserveOkAsync(product.Id, quantity: 1);
        var second = await _alice.ReserveOkAsync(product.Id, quantity: 2);
        await _alice.PurchaseAsync(first.Id);
        await _alice.PurchaseAsync(second.Id);
        await (await GetAsync(_alice, $"/api/orders/{first.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "order-not-found");

        var worker = await TestWorker.StartAsync(api);
        try
        {
            await Eventually.TrueAsync(async () => (await GetAsync(_alice, $"/api/orders/{second.Id}")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        var orders = await (await GetAsync(_alice, "/api/orders")).ShouldBeJsonAsync<PagedResponse<OrderResponse>>(HttpStatusCode.OK);
        orders.Total.Should().Be(2);
        orders.Items.Select(o => o.Id).Should().Equal(second.Id, first.Id);
        orders.Items[0].Should().BeEquivalentTo(new { ProductId = product.Id, CustomerId = "alice-orders", Quantity = 2, UnitPrice = 49.90m, Total = 99.80m });
        await (await GetAsync(api.CreateClient(Tokens.Customer("mallory")), $"/api/orders/{first.Id}"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "order-not-found");
        (await GetAsync(_admin, $"/api/orders/{first.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await GetAsync(api.CreateClient(Tokens.Customer("mallory")), "/api/orders")).ShouldBeJsonAsync<PagedResponse<OrderResponse>>(HttpStatusCode.OK))
            .Total.Should().Be(0);
    }

    [Fact]
    public async Task DeadLetters_AreListedForAdminsAndRetriedWith202()
    {
        // A customer of its own: the order this test ends with must not show up in another test's list of orders.
        var bob = api.CreateClient(Tokens.Customer("bob-dead-letters"));
        var product = await api.CreateProductAsync(stock: 10);
        var hold = await bob.ReserveOkAsync(product.Id, quantity: 5);
        await bob.PurchaseAsync(hold.Id);
        await api.ExecuteAsync($"UPDATE products SET total_stock = 1 WHERE id = '{product.Id}'");
        var worker = await TestWorker.StartAsync(api);
        try
        {
            await Eventually.TrueAsync(async () => (await DeadLettersAsync()).Any(d => d.ReservationId == hold.Id), TimeSpan.FromSeconds(10));
            (await DeadLettersAsync()).Single(d => d.ReservationId == hold.Id).Reason.Should().Contain("23514");
            (await GetAsync(bob, "/api/admin/dead-letters")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

            await api.ExecuteAsync($"UPDATE products SET total_stock = 10 WHERE id = '{product.Id}'");
            var retry = await _admin.PostAsync(new Uri($"/api/admin/dead-letters/{hold.Id}/retry", UriKind.Relative), null, TestContext.Current.CancellationToken);

            retry.StatusCode.Should().Be(HttpStatusCode.Accepted);
            retry.Headers.Location!.OriginalString.Should().Be($"/api/orders/{hold.Id}");
            await Eventually.TrueAsync(async () => (await GetAsync(bob, $"/api/orders/{hold.Id}")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        (await DeadLettersAsync()).Should().NotContain(d => d.ReservationId == hold.Id);
        var missing = await _admin.PostAsync(new Uri($"/api/admin/dead-letters/{hold.Id}/retry", UriKind.Relative), null, TestContext.Current.CancellationToken);
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "dead-letter-not-found");
        (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
    }

    private async Task<IReadOnlyList<DeadLetterResponse>> DeadLettersAsync() =>
        await (await GetAsync(_admin, "/api/admin/dead-letters")).ShouldBeJsonAsync<List<DeadLetterResponse>>(HttpStatusCode.OK);

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
