using System.Net;
using System.Net.Http.Json;
using Reservations.Application.Products.Adjustments;
using Reservations.Domain.Products;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Stock adjustments through the API, as an admin would make them.</summary>
public static class AdjustmentCalls
{
    public static Task<HttpResponseMessage> AdjustStockAsync(
        this HttpClient admin, Guid productId, int delta, string? idempotencyKey = null, int? expectedTotalStock = null,
        string? reason = null)
    {
        var body = new Dictionary<string, object> { ["delta"] = delta };
        if (reason is not null)
        {
            body["reason"] = reason;
        }

        if (expectedTotalStock is not null)
        {
            body["expectedTotalStock"] = expectedTotalStock;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/products/{productId}/stock") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return admin.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The adjustment a 201 or 202 named in its <c>Location</c>.</summary>
    public static async Task<StockAdjustmentResponse> AdjustmentAsync(this HttpClient admin, Uri location) =>
        await (await admin.GetAsync(location, TestContext.Current.CancellationToken))
            .ShouldBeJsonAsync<StockAdjustmentResponse>(HttpStatusCode.OK);

    public static Task<long> AdjustmentCountAsync(this ReservationsApiFactory api, Guid productId, StockAdjustmentStatus status) =>
        api.ScalarAsync<long>($"SELECT count(*) FROM stock_adjustments WHERE product_id = '{productId}' AND status = '{status}'");
}
