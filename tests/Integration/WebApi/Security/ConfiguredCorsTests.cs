using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>With <c>Cors:AllowedOrigins</c> set, that origin (and only that one) may call from a browser.</summary>
public sealed class ConfiguredCorsTests(CorsApiFactory api) : IClassFixture<CorsApiFactory>
{
    [Fact]
    public async Task CrossOriginPreflight_FromTheConfiguredOrigin_IsAllowed_AndFromAnotherIsNot()
    {
        var client = api.CreateClient(token: null);

        var allowed = await client.SendAsync(CorsRequests.Preflight(CorsApiFactory.AllowedOrigin), TestContext.Current.CancellationToken);
        var other = await client.SendAsync(CorsRequests.Preflight("https://evil.example"), TestContext.Current.CancellationToken);

        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(CorsApiFactory.AllowedOrigin);
        other.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }
}
