namespace Reservations.Application.Common.Ports;

/// <summary>
/// Tells the gate's scripts which event types to append to their outbox, in the same step as the change. A type no
/// endpoint wants is not written at all, so the hot path pays nothing for webhooks nobody asked for.
/// </summary>
public interface IGateEventSwitch
{
    Task SetAsync(IReadOnlySet<string> types, CancellationToken cancellationToken);
}
