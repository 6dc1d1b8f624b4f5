using System.Net;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>A caller may keep only so many requests open: slow requests cannot take the process's slots from others.</summary>
public sealed class OpenRequestsPerCallerTests(OneOpenRequestPerCallerApiFactory api) : IClassFixture<OneOpenRequestPerCallerApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallerWithARequestOpen_GetsA429ForTheNext_WhileAnotherCallerIsServed()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var slow = api.CreateClient(Tokens.Customer("slow"));
        var (held, refused) = await HeldRequest.HoldUntilRefusedAsync(api, _ => Tokens.Customer("slow"), product.Id,
            () => slow.GetAsync(new Uri("/api/orders", UriKind.Relative), Ct), HttpStatusCode.TooManyRequests);
        await using var _ = held;
        var other = await api.CreateClient(Tokens.Customer("quick")).GetAsync(new Uri("/api/orders", UriKind.Relative), Ct);

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        refused.Headers.RetryAfter.Should().NotBeNull();
        other.StatusCode.Should().Be(HttpStatusCode.OK);
        (await held.ReleaseAsync()).Should().StartWith("HTTP/1.1 201");
        // The permit is returned as the held request's pipeline unwinds, just after its response went out.
        await Eventually.TrueAsync(async () =>
            (await slow.GetAsync(new Uri("/api/orders", UriKind.Relative), Ct)).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(2));
    }
}
