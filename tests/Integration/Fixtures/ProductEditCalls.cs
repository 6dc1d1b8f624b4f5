using System.Net;
using System.Text;
using Reservations.Application.Common.Paging;
using Reservations.Application.Products;
using Reservations.Application.Products.Changes;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>PATCH /api/products/{id} and its audit, through real HTTP.</summary>
public static class ProductEditCalls
{
    public const string MergePatch = "application/merge-patch+json";

    public static Task<HttpResponseMessage> PatchProductAsync(
        this HttpClient client, Guid productId, string json, string contentType = MergePatch, string? reason = null) =>
        client.PatchAsync(
            new Uri($"/api/products/{productId}{(reason is null ? "" : "?reason=" + Uri.EscapeDataString(reason))}", UriKind.Relative),
            new StringContent(json, Encoding.UTF8, contentType), TestContext.Current.CancellationToken);

    public static async Task<ProductResponse> PatchProductOkAsync(this ReservationsApiFactory api, Guid productId, string json) =>
        await (await api.CreateClient(Tokens.Admin()).PatchProductAsync(productId, json)).ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.OK);

    public static async Task<ProductResponse> GetProductAsync(this ReservationsApiFactory api, Guid productId) =>
        await (await api.CreateClient(token: null).GetAsync(new Uri($"/api/products/{productId}", UriKind.Relative), TestContext.Current.CancellationToken))
            .ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.OK);

    public static async Task<PagedResponse<ProductChangeResponse>> ChangesAsync(this ReservationsApiFactory api, Guid productId) =>
        await (await api.CreateClient(Tokens.Admin()).GetAsync(new Uri($"/api/products/{productId}/changes", UriKind.Relative), TestContext.Current.CancellationToken))
            .ShouldBeJsonAsync<PagedResponse<ProductChangeResponse>>(HttpStatusCode.OK);

    /// <summary>Now plus <paramref name="ahead"/>, in whole seconds: an instant the API keeps exactly as sent.</summary>
    public static DateTimeOffset WholeSecondsFromNow(TimeSpan ahead)
    {
        var at = DateTimeOffset.UtcNow + ahead;
        return at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>An instant as the API writes it in JSON (UTC, milliseconds: what the gate compares).</summary>
    public static string Json(DateTimeOffset instant) => $"\"{instant.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\"";
}
