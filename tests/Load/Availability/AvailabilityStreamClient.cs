using System.Net.Http.Headers;
using System.Threading.Channels;

namespace Reservations.Load.Availability;

/// <summary>
/// One open <c>GET /api/products/{id}/availability/stream</c>: its frames, read in the background as they arrive, each
/// with the time it arrived.
/// </summary>
public sealed class AvailabilityStreamClient : IAsyncDisposable
{
    private readonly Channel<(EventStreamFrame Frame, DateTimeOffset ReceivedAt)> _frames = Channel.CreateUnbounded<(EventStreamFrame, DateTimeOffset)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private AvailabilityStreamClient(HttpResponseMessage response, TimeProvider time)
    {
        Response = response;
        _reading = ReadAsync(response, time);
    }

    public HttpResponseMessage Response { get; }

    /// <summary>Ends when the server ends the stream (or it breaks, or it is disposed).</summary>
    public Task Completion => _reading;

    public static string PathOf(Guid productId) => $"/api/products/{productId}/availability/stream";

    /// <summary>
    /// Opens the stream; a response other than 200 is returned unread (<see cref="Response"/>) with no frames to come.
    /// </summary>
    public static async Task<AvailabilityStreamClient> OpenAsync(
        HttpClient http, Guid productId, string? lastEventId = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, PathOf(productId));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new AvailabilityStreamClient(response, time ?? TimeProvider.System);
    }

    /// <summary>The next frame, or null when none came within <paramref name="timeout"/> or the stream ended.</summary>
    public async Task<(EventStreamFrame Frame, DateTimeOffset ReceivedAt)?> NextAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            return await _frames.Reader.WaitToReadAsync(wait.Token) && _frames.Reader.TryRead(out var frame) ? frame : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// The next <c>availability</c> event (comments and hints skipped), or null as <see cref="NextAsync"/>; an infinite
    /// <paramref name="timeout"/> waits until the stream ends.
    /// </summary>
    public async Task<ReceivedEvent?> NextEventAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var forever = timeout == Timeout.InfiniteTimeSpan;
        var deadline = forever ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow + timeout;
        while (forever || DateTimeOffset.UtcNow < deadline)
        {
            var left = forever ? Timeout.InfiniteTimeSpan : Max(TimeSpan.Zero, deadline - DateTimeOffset.UtcNow);
            if (await NextAsync(left, cancellationToken) is not { } next)
            {
                return null;
            }

            if (next.Frame is { IsEvent: true, Id: { } id, Data: { } data })
            {
                return new ReceivedEvent(id, next.Frame.Event, AvailabilityData.Parse(data), next.ReceivedAt);
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Response.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // The stream was cut on purpose.
        }

        _stop.Dispose();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task ReadAsync(HttpResponseMessage response, TimeProvider time)
    {
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(body);
            var parser = new EventStreamParser();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (parser.Feed(line) is { } frame)
                {
                    _frames.Writer.TryWrite((frame, time.GetUtcNow()));
                }
            }
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
