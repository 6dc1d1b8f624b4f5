using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Purchases;
using Reservations.Application.Purchases.Persist;
using Reservations.Application.Webhooks;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Persistence;

/// <summary>A cart's purchase lands in PostgreSQL as one row per line, and reads back as one order with its items.</summary>
public sealed class CartPersistenceTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private static readonly DateTimeOffset PurchasedAt = new(2026, 12, 7, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task ACart_IsStoredAsOneRowPerLine_RaisesSoldOfEachProduct_AndReadsBackAsOneOrderWithItsItems()
    {
        var (tickets, parking) = (await api.CreateProductAsync(stock: 10), await api.CreateProductAsync(stock: 10));
        var customer = NewCustomer();
        var cart = Cart(customer, new PurchaseLine(tickets.Id, 2, 49.90m), new PurchaseLine(parking.Id, 1, 15.00m));

        (await PersistAsync(cart)).Outcomes.Should().Equal(PersistOutcome.Persisted);

        (await api.ScalarAsync<string>($"SELECT string_agg(line || ':' || product_id || ':' || quantity, ',' ORDER BY line) FROM purchases WHERE id = '{cart.HoldId}'"))
            .Should().Be($"0:{tickets.Id}:2,1:{parking.Id}:1");
        (await SoldAsync(tickets.Id, parking.Id)).Should().Equal(2, 1);
        var order = await GetOrderAsync(customer, cart.HoldId);
        order.Should().Be(new OrderResponse(cart.HoldId, null, customer, null, null,
            [new OrderItemResponse(tickets.Id, 2, 49.90m), new OrderItemResponse(parking.Id, 1, 15.00m)], 114.80m, PurchasedAt));
        using var scope = api.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<IPurchasedHolds>().FindHoldAsync(cart.HoldId, TestContext.Current.CancellationToken))
            .Should().Be(new Hold(cart.HoldId,
                [new HoldLine(tickets.Id, Quantity.From(2), 49.90m), new HoldLine(parking.Id, Quantity.From(1), 15.00m)],
                CustomerId.From(customer), HoldStatus.Completed, cart.ReservedAt!.Value, cart.ExpiresAt!.Value));
    }

    [Fact]
    public async Task ACartPersistedTwice_ChangesNothingTheSecondTime_AndItsOrderCompletedEventIsWrittenOnceAsTheApiReturnsTheOrder()
    {
        await api.CreateClient(Tokens.Admin()).CreateWebhookAsync("http://127.0.0.1:9/carts", WebhookEventTypes.OrderCompleted);
        var (tickets, parking) = (await api.CreateProductAsync(stock: 10), await api.CreateProductAsync(stock: 10));
        var customer = NewCustomer();
        var cart = Cart(customer, new PurchaseLine(tickets.Id, 3, 49.90m), new PurchaseLine(parking.Id, 2, 15.00m));

        (await PersistAsync(cart)).Outcomes.Should().Equal(PersistOutcome.Persisted);
        (await PersistAsync(cart)).Outcomes.Should().Equal(PersistOutcome.AlreadyPersisted);

        (await api.ScalarAsync<long>($"SELECT count(*) FROM purchases WHERE id = '{cart.HoldId}'")).Should().Be(2);
        (await SoldAsync(tickets.Id, parking.Id)).Should().Equal(3, 2);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM webhook_events WHERE data->>'id' = '{cart.HoldId}'")).Should().Be(1);
        var data = JsonDocument.Parse(await api.ScalarAsync<string>(
            $"SELECT data::text FROM webhook_events WHERE type = '{WebhookEventTypes.OrderCompleted}' AND data->>'id' = '{cart.HoldId}'")).RootElement;
        var response = await GetAsync(customer, $"/api/orders/{cart.HoldId}");
        var apiJson = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Names(data).Should().BeEquivalentTo(Names(apiJson));
        Names(data.GetProperty("items")[0]).Should().BeEquivalentTo(Names(apiJson.GetProperty("items")[0]));
        data.Deserialize<OrderResponse>(WebhookJson.Options).Should().Be(await response.ShouldBeJsonAsync<OrderResponse>(HttpStatusCode.OK));
        data.GetProperty("productId").ValueKind.Should().Be(JsonValueKind.Null);
        data.GetProperty("total").GetDecimal().Should().Be(179.70m);
    }

    [Fact]
    public async Task ABatchMixingSingleAndCartPurchases_StoresEachOrderWithItsLines_AndTheListPagesByOrders()
    {
        var (tickets, parking) = (await api.CreateProductAsync(stock: 10), await api.CreateProductAsync(stock: 10));
        var customer = NewCustomer();
        var first = Cart(customer, new PurchaseLine(tickets.Id, 1, 49.90m)) with { PurchasedAt = PurchasedAt };
        var cart = Cart(customer, new PurchaseLine(tickets.Id, 1, 49.90m), new PurchaseLine(parking.Id, 2, 15.00m)) with { PurchasedAt = PurchasedAt.AddSeconds(1) };
        var last = Cart(customer, new PurchaseLine(parking.Id, 3, 15.00m)) with { PurchasedAt = PurchasedAt.AddSeconds(2) };

        (await PersistAsync(first, cart, last)).Outcomes.Should().Equal(PersistOutcome.Persisted, PersistOutcome.Persisted, PersistOutcome.Persisted);

        (await api.ScalarAsync<long>($"SELECT count(*) FROM purchases WHERE customer_id = '{customer}'")).Should().Be(4);
        (await SoldAsync(tickets.Id, parking.Id)).Should().Equal(2, 5);
        (await GetOrderAsync(customer, first.HoldId)).Should().Be(new OrderResponse(
            first.HoldId, tickets.Id, customer, 1, 49.90m, [new OrderItemResponse(tickets.Id, 1, 49.90m)], 49.90m, PurchasedAt));
        var pageOne = await ListAsync(customer, page: 1);
        var pageTwo = await ListAsync(customer, page: 2);
        pageOne.Total.Should().Be(3, "three orders, whatever their lines");
        pageOne.Items.Select(o => o.Id).Should().Equal(last.HoldId, cart.HoldId);
        pageOne.Items[1].Items.Select(i => i.ProductId).Should().Equal(tickets.Id, parking.Id);
        pageOne.Items[1].Should().BeEquivalentTo(new { ProductId = (Guid?)null, Quantity = (int?)null, Total = 79.90m });
        pageTwo.Items.Select(o => o.Id).Should().Equal(first.HoldId);
    }

    private static PendingPurchase Cart(string customer, params PurchaseLine[] lines) =>
        new($"0-{Random.Shared.Next()}", Guid.CreateVersion7(), customer, lines, PurchasedAt, PurchasedAt.AddMinutes(-5), PurchasedAt.AddMinutes(5));

    private static string NewCustomer() => $"cart-{Guid.NewGuid():N}";

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    private async Task<PersistBatchResult> PersistAsync(params PendingPurchase[] purchases)
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IPurchaseStore>().PersistAsync(purchases, TestContext.Current.CancellationToken);
    }

    private async Task<int[]> SoldAsync(params Guid[] products) =>
        await Task.WhenAll(products.Select(id => api.ScalarAsync<int>($"SELECT sold FROM products WHERE id = '{id}'")));

    private Task<HttpResponseMessage> GetAsync(string customer, string url) =>
        api.CreateClient(Tokens.Customer(customer)).GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

    private async Task<OrderResponse> GetOrderAsync(string customer, Guid id) =>
        await (await GetAsync(customer, $"/api/orders/{id}")).ShouldBeJsonAsync<OrderResponse>(HttpStatusCode.OK);

    private async Task<PagedResponse<OrderResponse>> ListAsync(string customer, int page) =>
        await (await GetAsync(customer, $"/api/orders?page={page}&pageSize=2")).ShouldBeJsonAsync<PagedResponse<OrderResponse>>(HttpStatusCode.OK);
}
