using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Application.Products.Ledger;

namespace Reservations.Load.Sale;

/// <summary>The API calls of a sale. Reserve, purchase and release answer the status they got (0 for no answer).</summary>
public sealed class SaleApi(HttpClient http) : ITokenSource
{
    // As the API writes it: camelCase, enums as strings.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly Func<HttpResponseMessage, Task<bool>> NothingToRead = _ => Task.FromResult(true);

    public async Task<string> TokenAsync(string subject, params string[] roles)
    {
        using var response = await http.PostAsJsonAsync("/api/dev/tokens", new { subject, roles });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!.Token;
    }

    /// <summary>Creates a product; with a sale id, one of the sale's products that carts may hold together.</summary>
    public async Task<Guid> CreateProductAsync(string adminToken, string sku, int stock, int holdSeconds, string? saleId = null)
    {
        var name = $"Flash sale {sku}";
        const decimal price = 49.90m;
        using var request = Request(HttpMethod.Post, "/api/products", adminToken, saleId is null
            ? new { sku, name, price, stock, holdSeconds }
            : new { sku, name, price, stock, holdSeconds, saleId });
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ProductResponse>(Json))!.Id;
    }

    public Task<(int Status, ReservationResponse? Hold)> ReserveAsync(string token, Guid productId, int quantity) =>
        ReserveAsync(token, [new SaleLine(productId, quantity)]);

    /// <summary>Reserves one product with the single-product body, or a cart of several with the items body.</summary>
    public async Task<(int Status, ReservationResponse? Hold)> ReserveAsync(string token, IReadOnlyList<SaleLine> lines)
    {
        using var request = Request(HttpMethod.Post, "/api/reservations", token, lines is [var line]
            ? new { productId = line.ProductId, quantity = line.Quantity }
            : new { items = lines.Select(l => new { productId = l.ProductId, quantity = l.Quantity }) });
        return await SendAsync(request, HttpStatusCode.Created, response => response.Content.ReadFromJsonAsync<ReservationResponse>(Json));
    }

    public async Task<int> PurchaseAsync(string token, Guid reservationId)
    {
        using var request = Request(HttpMethod.Post, $"/api/reservations/{reservationId}/purchase", token);
        return (await SendAsync(request, HttpStatusCode.OK, NothingToRead)).Status;
    }

    public async Task<int> ReleaseAsync(string token, Guid reservationId)
    {
        using var request = Request(HttpMethod.Delete, $"/api/reservations/{reservationId}", token);
        return (await SendAsync(request, HttpStatusCode.NoContent, NothingToRead)).Status;
    }

    public async Task<LedgerResponse> LedgerAsync(string adminToken, Guid productId) =>
        (await GetAsync<LedgerResponse>($"/api/products/{productId}/ledger", adminToken))!;

    public async Task<ReservationResponse> ReservationAsync(string token, Guid reservationId) =>
        (await GetAsync<ReservationResponse>($"/api/reservations/{reservationId}", token))!;

    public async Task<int> OrderCountAsync(string token) =>
        (await GetAsync<OrderPage>("/api/orders?pageSize=1", token))!.Total;

    private async Task<T?> GetAsync<T>(string path, string token)
    {
        using var request = Request(HttpMethod.Get, path, token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(Json);
    }

    private async Task<(int Status, T? Value)> SendAsync<T>(
        HttpRequestMessage request, HttpStatusCode success, Func<HttpResponseMessage, Task<T?>> read)
    {
        try
        {
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode, response.StatusCode == success ? await read(response) : default);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // No answer (connection refused or cut, client timeout): a failure of the run, not a crash of the simulator.
            return (SaleStatus.NoAnswer, default);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private sealed record TokenResponse(string Token);

    private sealed record OrderPage(int Total);
}
