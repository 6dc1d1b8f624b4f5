using System.Net;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>The process-wide concurrency limit sheds load with a quick 503 and Retry-After.</summary>
public sealed class OverloadTests(SingleSlotApiFactory api) : IClassFixture<SingleSlotApiFactory>
{
    private const int Padding = 12 * 1024;
    private const int Trickle = 512;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhenEverySlotIsBusyAndNoneMayWait_ARequestIsShedWith503AndRetryAfter_AndHealthStillAnswers()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var json = $$"""{"productId":"{{product.Id}}","quantity":1}""";
        using var held = await RawHttpConnection.OpenAsync(api);
        var other = api.CreateClient(token: null);
        HttpResponseMessage? shed = null;

        // A body of leading whitespace sent at 2 KiB/s, above the minimum data rate: the request keeps the only slot
        // until the test sends the rest.
        await held.SendAsync($"POST /api/reservations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {Tokens.Customer("slow")}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {Padding + json.Length}\r\n\r\n");
        using var stopTrickle = new CancellationTokenSource();
        var trickled = TrickleAsync(held, stopTrickle.Token);
        await Eventually.TrueAsync(async () =>
        {
            shed = await other.GetAsync(new Uri("/api/products", UriKind.Relative), Ct);
            return shed.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, TimeSpan.FromSeconds(4));
        (await other.GetAsync(new Uri("/health/live", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        await stopTrickle.CancelAsync();
        await held.SendAsync(new string(' ', Padding - await trickled) + json);

        await shed!.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        shed!.Headers.RetryAfter!.ToString().Should().Be("1");
        (await held.ReadResponseHeadAsync()).Should().StartWith("HTTP/1.1 201", "the request at work finishes normally");
    }

    /// <summary>Sends whitespace every 250 ms until stopped or the padding is used up; returns how much it sent.</summary>
    private static async Task<int> TrickleAsync(RawHttpConnection connection, CancellationToken stop)
    {
        var sent = 0;
        while (!stop.IsCancellationRequested && sent + Trickle <= Padding)
        {
            await connection.SendAsync(new string(' ', Trickle));
            sent += Trickle;
            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return sent;
    }
}
