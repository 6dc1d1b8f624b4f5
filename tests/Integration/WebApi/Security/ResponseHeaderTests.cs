using System.Net;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>Every response carries the security headers and no server banner; cross-origin calls are off by default.</summary>
public sealed class ResponseHeaderTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Theory]
    [InlineData("/api/products", HttpStatusCode.OK)]
    [InlineData("/api/orders", HttpStatusCode.Unauthorized)]
    [InlineData("/api/products/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("/no-such-route", HttpStatusCode.NotFound)]
    public async Task EveryResponse_CarriesNosniffAndDenyFraming_AndNoServerBanner(string path, HttpStatusCode status)
    {
        var response = await api.CreateClient(token: null).GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(status);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.Contains("Server").Should().BeFalse();
    }

    [Fact]
    public async Task CrossOriginPreflight_WithoutConfiguredOrigins_IsNotAllowed()
    {
        var response = await api.CreateClient(token: null).SendAsync(CorsRequests.Preflight(CorsApiFactory.AllowedOrigin), TestContext.Current.CancellationToken);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }
}

internal static class CorsRequests
{
    public static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/reservations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
