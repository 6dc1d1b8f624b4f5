namespace Reservations.Worker.Webhooks;

public sealed class GateEventDrainerOptions
{
    public const string Section = "Webhooks:GateEvents";

    /// <summary>
    /// The longest the poll of an idle shard may wait: hold.expired must leave within the expiry promise plus one
    /// delivery, so the wait for the next read stays a small part of it.
    /// </summary>
    public static readonly TimeSpan MaxIdlePoll = TimeSpan.FromMilliseconds(250);

    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Events read, stored and acknowledged together; a full batch is followed by the next at once.</summary>
    public int BatchSize { get; set; } = 256;
}
