namespace Reservations.Worker.Webhooks;

/// <summary>How the Worker sends webhooks (section <c>Webhooks:Delivery</c>; the retry window is the application's, under <c>Webhooks</c>).</summary>
public sealed class WebhookDeliveryOptions
{
    public const string Section = "Webhooks:Delivery";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The waits between attempts; empty for the default schedule (5 s, 30 s, 2 min … 8 h, then 8 h again).</summary>
    public TimeSpan[] RetryDelays { get; set; } = [];

    /// <summary>How long one attempt may take, connection and response headers included.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed delivery stays this Worker's; after that (a killed Worker) it is due again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many endpoints are sent to at once, each in a lane of its own.</summary>
    public int MaxLanes { get; set; } = 64;

    public int LaneBatch { get; set; } = 8;

    public int FanOutBatch { get; set; } = 500;

    /// <summary>How often the gate's event switch is set again from the enabled endpoints (repairs a lost or stale switch).</summary>
    public TimeSpan SwitchRepairInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Settled deliveries and their events are kept this long (visible in GET …/deliveries), then removed.</summary>
    public TimeSpan Keep { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);
}
