namespace Reservations.Application.Products.LiveAvailability;

public sealed class LiveAvailabilityOptions
{
    public const string Section = "LiveAvailability";

    /// <summary>Open streams per client address; the next is 429.</summary>
    public int MaxStreamsPerClient { get; set; } = 20;

    /// <summary>Open streams per process; the next is 503.</summary>
    public int MaxStreams { get; set; } = 10_000;

    public TimeSpan Tick { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A comment line is sent after this long without an event, so proxies and clients keep the connection.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a feed keeps its entries for clients that resume with <c>Last-Event-ID</c>.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The <c>retry:</c> hint: how long a disconnected client waits before it reconnects.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan TotalsRefresh { get; set; } = TimeSpan.FromSeconds(1);
}
