using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Pages;

/// <summary>The storefront and the console are served with a strict CSP and ETags; the API and Scalar keep working.</summary>
public sealed class PagesTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private readonly HttpClient _client = api.CreateClient(token: null);

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/admin", "/admin/")]
    [InlineData("/admin/", "/admin/")]
    public async Task Page_IsHtmlWithTheStrictCspAnETagAndNoCache(string path, string servedAt)
    {
        var response = await GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.RequestMessage!.RequestUri!.AbsolutePath.Should().Be(servedAt);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(Csp);
        response.Headers.ETag.Should().NotBeNull();
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/")]
    [InlineData("/js/api.js")]
    public async Task RepeatWithItsETag_Is304_WithTheCspStill(string path)
    {
        var first = await GetAsync(path);
        using var repeat = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        repeat.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await _client.SendAsync(repeat, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.ETag.Should().Be(first.Headers.ETag);
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(Csp);
    }

    [Fact]
    public async Task EveryModule_IsServedAsJavaScript_WithTheCsp()
    {
        var modules = api.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetDirectoryContents("js")
            .Where(f => f.Name.EndsWith(".js", StringComparison.Ordinal)).Select(f => f.Name).ToList();
        modules.Should().Contain(["api.js", "storefront.js", "console.js"]);

        foreach (var module in modules)
        {
            var response = await GetAsync($"/js/{module}");

            response.StatusCode.Should().Be(HttpStatusCode.OK, module);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript", module);
            response.Headers.GetValues("Content-Security-Policy").Should().Equal([Csp], module);
            response.Headers.ETag.Should().NotBeNull(module);
        }
    }

    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Assets_AreServedWithTheirTypes(string path, string mediaType)
    {
        var response = await GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        response.Headers.ETag.Should().NotBeNull();
    }

    [Fact]
    public async Task ServerTime_IsCloseToTheTestsClock_AndNeverCached()
    {
        var before = DateTimeOffset.UtcNow;
        var response = await GetAsync("/api/time");
        var after = DateTimeOffset.UtcNow;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        body.GetProperty("now").GetDateTimeOffset().Should().BeOnOrAfter(before.AddSeconds(-1)).And.BeOnOrBefore(after.AddSeconds(1));
    }

    [Theory]
    [InlineData("/scalar")]
    [InlineData("/scalar/v1")]
    public async Task Scalar_StillAnswers(string path)
    {
        var response = await GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task ApiRoutes_AreNotShadowedByThePages()
    {
        var response = await GetAsync("/api/products");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType.Should().Be(MediaTypeHeaderValue.Parse("application/json; charset=utf-8"));
    }

    private Task<HttpResponseMessage> GetAsync(string path) =>
        _client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
