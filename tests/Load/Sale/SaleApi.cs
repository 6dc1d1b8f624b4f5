using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reservations.Application.Products;
using Reservations.Application.Products.Ledger;
using Reservations.Application.Reservations;

namespace Reservations.Load.Sale;

/// <summary>The API calls of a sale, each timed and counted by operation and status.</summary>
public sealed class SaleApi(HttpClient http)
{
    // As the API writes it: camelCase, enums as strings.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly ConcurrentDictionary<(string Operation, int Status), int> _statuses = new();

    /// <summary>The status recorded for a request that got no answer at all.</summary>
    public const int TransportError = 0;

    public LatencyRecorder Reserves { get; } = new();
    public LatencyRecorder Purchases { get; } = new();
    public LatencyRecorder Releases { get; } = new();

    public IReadOnlyDictionary<(string Operation, int Status), int> Statuses => _statuses;

    public async Task<string> TokenAsync(string subject, params string[] roles)
    {
        using var response = await http.PostAsJsonAsync("/api/dev/tokens", new { subject, roles });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!.Token;
    }

    public async Task<Guid> CreateProductAsync(string adminToken, string sku, int stock, int holdSeconds)
    {
        using var request = Request(HttpMethod.Post, "/api/products", adminToken,
            new { sku, name = $"Flash sale {sku}", price = 49.90m, stock, holdSeconds });
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ProductResponse>(Json))!.Id;
    }

    public async Task<ReservationResponse?> ReserveAsync(string token, Guid productId, int quantity)
    {
        using var request = Request(HttpMethod.Post, "/api/reservations", token, new { productId, quantity });
        return await TimedAsync("reserve", Reserves, request, HttpStatusCode.Created,
            response => response.Content.ReadFromJsonAsync<ReservationResponse>(Json));
    }

    public async Task<bool> PurchaseAsync(string token, Guid reservationId)
    {
        using var request = Request(HttpMethod.Post, $"/api/reservations/{reservationId}/purchase", token);
        return await TimedAsync("purchase", Purchases, request, HttpStatusCode.OK, _ => Task.FromResult<object?>(true)) is not null;
    }

    public async Task ReleaseAsync(string token, Guid reservationId)
    {
        using var request = Request(HttpMethod.Delete, $"/api/reservations/{reservationId}", token);
        await TimedAsync("release", Releases, request, HttpStatusCode.NoContent, _ => Task.FromResult<object?>(true));
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

    private async Task<T?> TimedAsync<T>(
        string operation, LatencyRecorder latencies, HttpRequestMessage request, HttpStatusCode success,
        Func<HttpResponseMessage, Task<T?>> read)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var result = response.StatusCode == success ? await read(response) : null;
            latencies.RecordSince(started);
            _statuses.AddOrUpdate((operation, (int)response.StatusCode), 1, (_, n) => n + 1);
            return result;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // No answer (connection refused or cut, client timeout): counted as status 0, a failure of the run.
            _statuses.AddOrUpdate((operation, TransportError), 1, (_, n) => n + 1);
            return null;
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
