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
        var body = $$"""{"productId":"{{product.Id}}","quantity":1}""";
        using var held = await RawHttpConnection.OpenAsync(api);
        var other = api.CreateClient(token: null);
        HttpResponseMessage? shed = null;

        // Headers and the first byte of the body: the request takes the only slot and waits there for the rest.
        await held.SendAsync($"POST /api/reservations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {Tokens.Customer("slow")}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body[..1]}");
        await Eventually.TrueAsync(async () =>
        {
            shed = await other.GetAsync(new Uri("/api/products", UriKind.Relative), Ct);
            return shed.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, TimeSpan.FromSeconds(4));
        (await other.GetAsync(new Uri("/health/live", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        await held.SendAsync(body[1..]);

        await shed!.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        shed!.Headers.RetryAfter!.ToString().Should().Be("1");
        (await held.ReadResponseHeadAsync()).Should().StartWith("HTTP/1.1 201", "the request at work finishes normally");
    }
}
