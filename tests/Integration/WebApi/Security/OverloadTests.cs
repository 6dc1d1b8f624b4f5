using System.Net;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>The process-wide concurrency limit sheds load with a quick 503 and Retry-After.</summary>
public sealed class OverloadTests(SingleSlotApiFactory api) : IClassFixture<SingleSlotApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhenEverySlotIsBusyAndNoneMayWait_ARequestIsShedWith503AndRetryAfter_AndHealthStillAnswers()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var other = api.CreateClient(token: null);
        // The previous request's slot is released only after its response has gone out, so a request sent right after
        // it can take the slot before the held one.
        var (held, shed) = await HeldRequest.HoldUntilRefusedAsync(api, attempt => Tokens.Customer($"slow-{attempt}"), product.Id,
            () => other.GetAsync(new Uri("/api/products", UriKind.Relative), Ct), HttpStatusCode.ServiceUnavailable);
        await using var _ = held;
        (await other.GetAsync(new Uri("/health/live", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        await shed!.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        shed!.Headers.RetryAfter!.ToString().Should().Be("1");
        (await held.ReleaseAsync()).Should().StartWith("HTTP/1.1 201", "the request at work finishes normally");
    }
}
