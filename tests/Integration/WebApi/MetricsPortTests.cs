using System.Net;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi;

/// <summary>With <c>Prometheus:Port</c>, /metrics is served on that port alone, whatever the Host header says.</summary>
public sealed class MetricsPortTests(MetricsPortApiFactory api) : IClassFixture<MetricsPortApiFactory>
{
    [Fact]
    public async Task Metrics_OnTheMetricsPort_CountThePublicPortsRequests()
    {
        using var publicPort = api.CreatePublicClient();
        using var metricsPort = api.CreateMetricsClient();
        (await GetAsync(publicPort, "/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);

        var scrape = await metricsPort.ScrapeUntilAsync("http_route=\"/health/live\"");

        scrape.Should().MatchRegex("""http_server_request_duration_seconds_count\{[^}]*http_route="/health/live"[^}]*\} [1-9]""");
    }

    [Fact]
    public async Task Metrics_OnThePublicPort_Are404_EvenWithTheMetricsPortInTheHostHeader()
    {
        using var publicPort = api.CreatePublicClient();
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        spoofed.Headers.Host = $"127.0.0.1:{api.MetricsPort}";

        var plain = await GetAsync(publicPort, "/metrics");
        var withHost = await publicPort.SendAsync(spoofed, TestContext.Current.CancellationToken);

        plain.StatusCode.Should().Be(HttpStatusCode.NotFound);
        withHost.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheMetricsPort_ServesNothingElse()
    {
        using var metricsPort = api.CreateMetricsClient();

        var health = await GetAsync(metricsPort, "/health/live");
        var products = await GetAsync(metricsPort, "/api/products");

        health.StatusCode.Should().Be(HttpStatusCode.NotFound);
        products.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
