using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reservations.IntegrationTests.Fixtures;
using Reservations.WebApi.Problems;

namespace Reservations.IntegrationTests.WebApi.Problems;

/// <summary>
/// Every problem type has a page at the path of its type URI, served like the other pages; the address bucket is tight,
/// so that the pages are seen not to count against it.
/// </summary>
public sealed class ProblemPagesTests(TightLimitsApiFactory api) : IClassFixture<TightLimitsApiFactory>
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private readonly HttpClient _client = api.CreateClient(token: null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Codes => [.. ProblemCatalog.All.Select(t => t.Code)];

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task EveryProblemType_HasAPage_WithItsTitleStatusAndLinks_UnderTheStrictCsp(string code)
    {
        var type = ProblemCatalog.Find(code)!;

        var response = await GetAsync($"/problems/{code}", "text/html");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(Csp);
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        response.Headers.ETag.Should().NotBeNull();
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.Should().Contain($"<h1>{type.Title}</h1>")
            .And.Contain($"<dd>{type.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "the status of the response"}</dd>")
            .And.Contain($"https://reservations.dev/problems/{code}")
            .And.Contain("<h2>Cause</h2>").And.Contain("<h2>What to do</h2>")
            .And.Contain("href=\"/\"").And.Contain("href=\"/scalar\"").And.Contain("href=\"/css/site.css\"");
        // The policy allows no inline script or style: the page has none.
        html.Should().NotContain("<script").And.NotContain("<style").And.NotContain("style=");
    }

    [Fact]
    public async Task UnknownCode_Is404NotFound()
    {
        var response = await GetAsync("/problems/no-such-problem", "application/json");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task TheList_LinksEveryProblemType()
    {
        var response = await GetAsync("/problems", "text/html");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(Csp);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.Should().ContainAll(ProblemCatalog.All.Select(t => $"<a href=\"/problems/{t.Code}\">{t.Code}</a>"));
    }

    [Fact]
    public async Task AskedForJson_AnswersTheEntry()
    {
        var response = await GetAsync("/problems/out-of-stock", "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Vary.Should().Contain("Accept");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        body.GetProperty("code").GetString().Should().Be("out-of-stock");
        body.GetProperty("status").GetInt32().Should().Be(409);
        body.GetProperty("title").GetString().Should().Be("Out of stock");
        body.GetProperty("cause").GetString().Should().Contain("`available`");
        body.GetProperty("action").GetString().Should().NotBeNullOrWhiteSpace();
        var list = JsonDocument.Parse(await (await GetAsync("/problems", "application/json")).Content.ReadAsStringAsync(Ct)).RootElement;
        list.EnumerateArray().Select(t => t.GetProperty("code").GetString()).Should().Equal(ProblemCatalog.All.Select(t => t.Code));
    }

    [Fact]
    public async Task RepeatWithItsETag_Is304()
    {
        var first = await GetAsync("/problems/hold-expired", "text/html");
        using var repeat = new HttpRequestMessage(HttpMethod.Get, new Uri("/problems/hold-expired", UriKind.Relative));
        repeat.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await _client.SendAsync(repeat, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.ETag.Should().Be(first.Headers.ETag);
    }

    [Fact]
    public async Task TheTypeOfAProblemTheApiAnswers_ResolvesToItsPageOnTheApisOwnHost()
    {
        var customer = api.CreateClient(Tokens.Customer($"resolver-{Guid.NewGuid():N}"));
        var problem = await (await customer.GetReservationAsync(Guid.NewGuid()))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");

        var page = await GetAsync(new Uri(problem.GetProperty("type").GetString()!).AbsolutePath, "text/html");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(Ct)).Should().Contain("<h1>Reservation not found</h1>");
    }

    [Fact]
    public async Task Pages_DoNotCountAgainstTheAddressBucket_WhereApiCallsDo()
    {
        const int burst = TightLimitsApiFactory.CallerBurst * 3;

        var pages = await Task.WhenAll(Enumerable.Range(0, burst).Select(_ => GetAsync("/problems/rate-limited", "text/html")));
        var calls = await Task.WhenAll(Enumerable.Range(0, burst).Select(_ => GetAsync("/api/products", "application/json")));

        pages.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        calls.Should().Contain(r => r.StatusCode == HttpStatusCode.TooManyRequests);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return _client.SendAsync(request, Ct);
    }
}
