using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Application.Products.Ledger;
using Reservations.WebApi.Auth;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>The API calls tests make over and over, each through real HTTP with a real token.</summary>
public static class ApiCalls
{
    public static async Task<ProductResponse> CreateProductAsync(
        this ReservationsApiFactory api, int stock, int? maxPerCustomer = null, int? holdSeconds = null, int? maxHoldSeconds = null,
        string? saleId = null)
    {
        var response = await api.CreateClient(Tokens.Admin()).PostJsonAsync(
            "/api/products", ProductRequests.Valid(stock, maxPerCustomer, holdSeconds, maxHoldSeconds: maxHoldSeconds, saleId: saleId));
        return await response.ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> ReserveAsync(
        this HttpClient customer, Guid productId, int quantity = 1, string? idempotencyKey = null, int? holdSeconds = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
        {
            Content = holdSeconds is null ? JsonContent.Create(new { productId, quantity }) : JsonContent.Create(new { productId, quantity, holdSeconds }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return customer.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<ReservationResponse> ReserveOkAsync(this HttpClient customer, Guid productId, int quantity = 1) =>
        await (await customer.ReserveAsync(productId, quantity)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> PurchaseAsync(this HttpClient customer, Guid reservationId) =>
        customer.PostAsync(new Uri($"/api/reservations/{reservationId}/purchase", UriKind.Relative), null, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> ExtendAsync(
        this HttpClient customer, Guid reservationId, int seconds, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/reservations/{reservationId}/extend")
        {
            Content = JsonContent.Create(new { seconds }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return customer.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> ReleaseAsync(this HttpClient customer, Guid reservationId) =>
        customer.DeleteAsync(new Uri($"/api/reservations/{reservationId}", UriKind.Relative), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> GetReservationAsync(this HttpClient customer, Guid reservationId) =>
        customer.GetAsync(new Uri($"/api/reservations/{reservationId}", UriKind.Relative), TestContext.Current.CancellationToken);

    public static async Task<LedgerResponse> LedgerAsync(this WebApplicationFactory<AuthOptions> api, Guid productId)
    {
        var response = await api.CreateClient(Tokens.Admin()).GetAsync(
            new Uri($"/api/products/{productId}/ledger", UriKind.Relative), TestContext.Current.CancellationToken);
        return await response.ShouldBeJsonAsync<LedgerResponse>(HttpStatusCode.OK);
    }
}
