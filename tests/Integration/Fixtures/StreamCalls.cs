using Reservations.Load.Availability;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Live availability streams as a test reads them (the load tool's client).</summary>
public static class StreamCalls
{
    /// <summary>Long enough for any event on a busy machine; a test that expects one fails only when none comes.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static Task<AvailabilityStreamClient> OpenStreamAsync(this HttpClient client, Guid productId, string? lastEventId = null) =>
        AvailabilityStreamClient.OpenAsync(client, productId, lastEventId, cancellationToken: TestContext.Current.CancellationToken);

    public static async Task<ReceivedEvent> NextEventAsync(this AvailabilityStreamClient stream) =>
        await stream.NextEventAsync(Patience, TestContext.Current.CancellationToken)
        ?? throw new TimeoutException($"No availability event within {Patience.TotalSeconds:0} s.");

    /// <summary>The frames that arrive within <paramref name="window"/> (none when the stream ends).</summary>
    public static async Task<List<EventStreamFrame>> FramesWithinAsync(this AvailabilityStreamClient stream, TimeSpan window)
    {
        var frames = new List<EventStreamFrame>();
        var until = DateTimeOffset.UtcNow + window;
        while (DateTimeOffset.UtcNow < until
            && await stream.NextAsync(TimeSpan.FromTicks(Math.Max(0, (until - DateTimeOffset.UtcNow).Ticks)), TestContext.Current.CancellationToken) is { } next)
        {
            frames.Add(next.Frame);
        }

        return frames;
    }
}
