using System.Net;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>Small buckets: purchase and release count per customer; anonymous calls and failed tokens per address.</summary>
public sealed class TightRateLimitTests(TightLimitsApiFactory api) : IClassFixture<TightLimitsApiFactory>
{
    private const string Forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl";
    private const int Burst = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PurchaseAndRelease_AreLimitedPerCustomerToo()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var holds = await api.HoldManyAsync(product.Id, 2, "limited");
        var buyer = api.CreateClient(Tokens.Customer("limited-0"));
        // A client that takes no JSON still gets its 429, as plain text.
        buyer.DefaultRequestHeaders.Accept.ParseAdd("application/xml");
        var releaser = api.CreateClient(Tokens.Customer("limited-1"));

        var purchases = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => buyer.PurchaseAsync(holds[0].Id)));
        var releases = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => releaser.ReleaseAsync(holds[1].Id)));

        purchases.Count(r => r.StatusCode == HttpStatusCode.OK).Should().BeInRange(TightLimitsApiFactory.CustomerBurst, TightLimitsApiFactory.CustomerBurst + 1);
        purchases.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.TooManyRequests);
        var refused = purchases.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType?.MediaType.Should().NotBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync(Ct)).Should().StartWith("Too many requests");
        releases.Count(r => r.StatusCode == HttpStatusCode.NoContent).Should().BeInRange(TightLimitsApiFactory.CustomerBurst, TightLimitsApiFactory.CustomerBurst + 1);
        releases.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.NoContent || r.StatusCode == HttpStatusCode.TooManyRequests);
    }

    // One test for the address bucket: every test of this class calls from 127.0.0.1, and shares that bucket.
    [Fact]
    public async Task AnonymousCallsAndFailedTokens_ShareTheAddressBucket_WhileHealthAndSignedInCustomersAreUnaffected()
    {
        var anonymous = api.CreateClient(token: null);
        var forger = api.CreateClient(Forged);

        var responses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => i % 2 == 0
            ? anonymous.GetAsync(new Uri("/api/products", UriKind.Relative), Ct)
            : forger.ReserveAsync(Guid.NewGuid())));

        responses.Count(r => r.StatusCode != HttpStatusCode.TooManyRequests)
            .Should().BeInRange(TightLimitsApiFactory.CallerBurst, TightLimitsApiFactory.CallerBurst + 1);
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Unauthorized
            || r.StatusCode == HttpStatusCode.TooManyRequests);
        await responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        (await anonymous.GetAsync(new Uri("/health/live", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.CreateClient(Tokens.Customer("signed-in")).GetAsync(new Uri("/api/orders", UriKind.Relative), Ct))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignedInCallsOnAnyRoute_CountAgainstTheirCustomersOwnBucket()
    {
        var greedy = api.CreateClient(Tokens.Customer("greedy"));

        var statuses = (await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => greedy.GetAsync(new Uri("/api/orders", UriKind.Relative), Ct))))
            .Select(r => r.StatusCode).ToArray();
        var other = await api.CreateClient(Tokens.Customer("patient")).GetAsync(new Uri("/api/orders", UriKind.Relative), Ct);

        statuses.Count(s => s == HttpStatusCode.OK).Should().BeInRange(TightLimitsApiFactory.CallerBurst, TightLimitsApiFactory.CallerBurst + 1);
        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.TooManyRequests);
        other.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
