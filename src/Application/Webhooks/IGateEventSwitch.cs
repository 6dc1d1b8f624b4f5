namespace Reservations.Application.Webhooks;

/// <summary>Tells the gate's scripts which event types to append to their outbox, in the same step as the change. A
/// type no endpoint wants is not written at all, so the hot path pays nothing for webhooks nobody asked for.</summary>
public interface IGateEventSwitch
{
    /// <summary>Switches these types on as well, before an endpoint that wants them is stored.</summary>
    Task AddAsync(IReadOnlySet<string> types, CancellationToken cancellationToken);

    /// <summary>Switches exactly these types on when their generation is newer than the gate's: a reading of the
    /// endpoints made before a change never undoes what that change switched on.</summary>
    Task SetAsync(GateEventSubscriptions subscriptions, CancellationToken cancellationToken);
}
