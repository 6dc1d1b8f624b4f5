using System.Net;
using System.Text;
using Reservations.Application.Holds;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>Kestrel's and the API's input limits: oversized, malformed, slow or over-reaching requests are refused.</summary>
public sealed class InputLimitTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer("alice"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeadersOver16KiB_Are431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        request.Headers.Add("X-Padding", new string('a', 17 * 1024));

        (await _alice.SendAsync(request, Ct)).StatusCode.Should().Be(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task MoreThan50Headers_Are431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        for (var i = 0; i < 60; i++)
        {
            request.Headers.Add($"X-Header-{i}", "x");
        }

        (await _alice.SendAsync(request, Ct)).StatusCode.Should().Be(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task RequestLineOver8KiB_Is414()
    {
        var response = await _alice.GetAsync(new Uri($"/api/products?filler={new string('a', 9 * 1024)}", UriKind.Relative), Ct);

        response.StatusCode.Should().Be(HttpStatusCode.RequestUriTooLong);
    }

    [Fact]
    public async Task JsonNestedDeeperThan8_Is400_AndTakesNothing()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var nested = new string('[', 20) + "1" + new string(']', 20);

        var response = await _alice.PostRawJsonAsync("/api/reservations", $$"""{"productId":"{{product.Id}}","quantity":1,"extra":{{nested}}}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        (await api.LedgerAsync(product.Id)).Held.Should().Be(0);
    }

    [Fact]
    public async Task Reserve_WithANonJsonContentType_Is415()
    {
        var product = await api.CreateProductAsync(stock: 5);
        using var content = new StringContent($$"""{"productId":"{{product.Id}}","quantity":1}""", Encoding.UTF8, "text/plain");

        var response = await _alice.PostAsync(new Uri("/api/reservations", UriKind.Relative), content, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Reserve_UnknownFieldsCannotSetTheIdOwnerStatusPriceOrDeadline()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 600);
        var forcedId = Guid.CreateVersion7();

        var response = await _alice.PostRawJsonAsync("/api/reservations", $$"""
            {"productId":"{{product.Id}}","quantity":1,"id":"{{forcedId}}","customerId":"mallory","status":"purchased",
             "unitPrice":0,"expiresAt":"2099-01-01T00:00:00Z"}
            """);

        var hold = await response.ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);
        hold.Id.Should().NotBe(forcedId);
        hold.Should().BeEquivalentTo(new { CustomerId = "alice", Status = HoldStatus.Held, UnitPrice = product.Price });
        product.Price.Should().NotBe(0);
        hold.ExpiresAt.Should().Be(hold.CreatedAt.AddSeconds(600));
    }

    [Theory]
    [InlineData("GET", "/api/reservations/not-a-uuid")]
    [InlineData("POST", "/api/reservations/12345/purchase")]
    [InlineData("DELETE", "/api/reservations/'%20OR%201=1")]
    [InlineData("GET", "/api/orders/1")]
    [InlineData("GET", "/api/products/..%2F..%2Fadmin")]
    public async Task IdsThatAreNotUuids_Are404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        (await _alice.SendAsync(request, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HeadersThatNeverEnd_AreCutOffWithinTheHeaderTimeout()
    {
        using var slow = await RawHttpConnection.OpenAsync(api);
        await slow.SendAsync("GET /api/products HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");

        // RequestHeadersTimeout is 5 s; Kestrel checks it once a second.
        (await slow.ReadUntilClosedAsync(TimeSpan.FromSeconds(10))).Should().NotBeNull("the server closed the connection");
    }

    [Fact]
    public async Task ABodyThatTricklesIn_IsCutOffByTheMinimumDataRate()
    {
        using var slow = await RawHttpConnection.OpenAsync(api);
        await slow.SendAsync($"POST /api/reservations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {Tokens.Customer("trickle")}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");

        // 1 KiB/s after a 2 s grace: one byte is far below it.
        var answer = await slow.ReadUntilClosedAsync(TimeSpan.FromSeconds(8));

        answer.Should().NotBeNull("the server closed the connection").And.StartWith("HTTP/1.1 408");
    }
}
