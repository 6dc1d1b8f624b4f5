using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Reservations.WebApi.Auth;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// A reserve whose body arrives slowly, as leading whitespace at 2 KiB/s (above Kestrel's minimum data rate), until the
/// test releases it: meanwhile the request holds whatever it took on its way in (a request slot, a caller's permit).
/// The padding lasts about 6 s, and Kestrel answers 408 some seconds after it stops: release it well within that.
/// </summary>
public sealed class HeldRequest : IAsyncDisposable
{
    private const int Padding = 12 * 1024;
    private const int Trickle = 512;

    private readonly RawHttpConnection _connection;
    private readonly string _json;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _trickled;

    private HeldRequest(RawHttpConnection connection, string json)
    {
        (_connection, _json) = (connection, json);
        _trickled = TrickleAsync();
    }

    public static async Task<HeldRequest> StartAsync(WebApplicationFactory<AuthOptions> api, string token, Guid productId)
    {
        var json = $$"""{"productId":"{{productId}}","quantity":1}""";
        var connection = await RawHttpConnection.OpenAsync(api);
        await connection.SendAsync($"POST /api/reservations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {Padding + json.Length}\r\n\r\n");
        return new HeldRequest(connection, json);
    }

    /// <summary>
    /// Holds a request until the next one answers <paramref name="refusal"/>. The held request and the next ones race
    /// for what it holds (the only slot, a caller's permit): on a busy machine a next one can win it, the held request
    /// is then refused itself and nothing else is. Start over then, with the attempt's token, three attempts at most.
    /// </summary>
    public static async Task<(HeldRequest Held, HttpResponseMessage Refused)> HoldUntilRefusedAsync(
        WebApplicationFactory<AuthOptions> api, Func<int, string> token, Guid productId,
        Func<Task<HttpResponseMessage>> next, HttpStatusCode refusal)
    {
        for (var attempt = 1; ; attempt++)
        {
            var held = await StartAsync(api, token(attempt), productId);
            HttpResponseMessage? refused = null;
            try
            {
                await Eventually.TrueAsync(async () =>
                {
                    refused = await next();
                    return refused.StatusCode == refusal;
                }, TimeSpan.FromSeconds(2));
                return (held, refused!);
            }
            catch (TimeoutException) when (attempt < 3)
            {
                var head = await held.ReleaseAsync();
                await held.DisposeAsync();
                head.Should().StartWith($"HTTP/1.1 {(int)refusal}", "only a held request that was refused itself leaves the way free");
            }
        }
    }

    /// <summary>Sends the rest of the body and returns the head of the response.</summary>
    public async Task<string> ReleaseAsync()
    {
        await _stop.CancelAsync();
        await _connection.SendAsync(new string(' ', Padding - await _trickled) + _json);
        return await _connection.ReadResponseHeadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _trickled;
        _stop.Dispose();
        _connection.Dispose();
    }

    // The cadence of the trickle is the fault being injected, not a wait for a result.
    private async Task<int> TrickleAsync()
    {
        var sent = 0;
        while (!_stop.IsCancellationRequested && sent + Trickle <= Padding)
        {
            await _connection.SendAsync(new string(' ', Trickle));
            sent += Trickle;
            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return sent;
    }
}
