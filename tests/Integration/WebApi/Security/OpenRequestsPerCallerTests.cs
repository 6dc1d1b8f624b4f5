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
        var (held, refused) = await HoldTheCallersOnlyPermitAsync(product.Id, slow);
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

    // The held request and the caller's next one race for the permit: on a busy machine the next one can win it, and
    // the held request is then refused itself. Take the permit again then, a few times at most.
    private async Task<(HeldRequest Held, HttpResponseMessage Refused)> HoldTheCallersOnlyPermitAsync(Guid productId, HttpClient caller)
    {
        for (var attempt = 1; ; attempt++)
        {
            var held = await HeldRequest.StartAsync(api, Tokens.Customer("slow"), productId);
            HttpResponseMessage? refused = null;
            try
            {
                await Eventually.TrueAsync(async () =>
                {
                    refused = await caller.GetAsync(new Uri("/api/orders", UriKind.Relative), Ct);
                    return refused.StatusCode == HttpStatusCode.TooManyRequests;
                }, TimeSpan.FromSeconds(2));
                return (held, refused!);
            }
            catch (TimeoutException) when (attempt < 3)
            {
                var head = await held.ReleaseAsync();
                await held.DisposeAsync();
                head.Should().StartWith("HTTP/1.1 429", "only a held request that was refused itself leaves the caller's permit free");
            }
        }
    }
}
