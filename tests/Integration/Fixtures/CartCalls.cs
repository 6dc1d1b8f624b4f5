using System.Net;
using System.Net.Http.Json;
using Reservations.Application.Holds;
using Reservations.Application.Products;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Products of one sale and carts over them, through real HTTP.</summary>
public static class CartCalls
{
    public static async Task<ProductResponse> CreateSaleProductAsync(
        this ReservationsApiFactory api, string? saleId, int stock, int? maxPerCustomer = null, int? holdSeconds = null,
        int? maxHoldSeconds = null)
    {
        var body = new
        {
            sku = ProductRequests.NewSku(), name = "Festival pass", price = 25.50m, stock, maxPerCustomer, holdSeconds,
            maxHoldSeconds, saleId,
        };
        var response = await api.CreateClient(Tokens.Admin()).PostJsonAsync("/api/products", body);
        return await response.ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
    }

    /// <summary>Products of a new sale of their own, one per stock given.</summary>
    public static async Task<ProductResponse[]> CreateSaleAsync(this ReservationsApiFactory api, params int[] stocks)
    {
        var saleId = NewSaleId();
        var products = new ProductResponse[stocks.Length];
        for (var i = 0; i < stocks.Length; i++)
        {
            products[i] = await api.CreateSaleProductAsync(saleId, stocks[i]);
        }

        return products;
    }

    public static string NewSaleId() => $"sale-{Guid.NewGuid():N}"[..20];

    public static Task<HttpResponseMessage> ReserveCartAsync(
        this HttpClient customer, IEnumerable<(Guid ProductId, int Quantity)> items, int? holdSeconds = null) =>
        customer.PostAsJsonAsync(
            "/api/reservations",
            new { items = items.Select(i => new { productId = i.ProductId, quantity = i.Quantity }), holdSeconds },
            TestContext.Current.CancellationToken);

    public static async Task<ReservationResponse> ReserveCartOkAsync(
        this HttpClient customer, IEnumerable<(Guid ProductId, int Quantity)> items, int? holdSeconds = null) =>
        await (await customer.ReserveCartAsync(items, holdSeconds)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);
}
