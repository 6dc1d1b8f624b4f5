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
        var (held, shed) = await HoldTheOnlySlotAsync(product.Id, other);
        await using var _ = held;
        (await other.GetAsync(new Uri("/health/live", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        await shed!.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        shed!.Headers.RetryAfter!.ToString().Should().Be("1");
        (await held.ReleaseAsync()).Should().StartWith("HTTP/1.1 201", "the request at work finishes normally");
    }

    // The previous request's slot is released only after its response has gone out, so a request sent right after
    // it can be shed itself. Then the slot stays free and nothing else is shed: take it again, a few times at most.
    private async Task<(HeldRequest Held, HttpResponseMessage Shed)> HoldTheOnlySlotAsync(Guid productId, HttpClient other)
    {
        for (var attempt = 1; ; attempt++)
        {
            var held = await HeldRequest.StartAsync(api, Tokens.Customer($"slow-{attempt}"), productId);
            HttpResponseMessage? shed = null;
            try
            {
                await Eventually.TrueAsync(async () =>
                {
                    shed = await other.GetAsync(new Uri("/api/products", UriKind.Relative), Ct);
                    return shed.StatusCode == HttpStatusCode.ServiceUnavailable;
                }, TimeSpan.FromSeconds(2));
                return (held, shed!);
            }
            catch (TimeoutException) when (attempt < 3)
            {
                var head = await held.ReleaseAsync();
                await held.DisposeAsync();
                head.Should().StartWith("HTTP/1.1 503", "only a request that was shed itself leaves the only slot free");
            }
        }
    }
}
