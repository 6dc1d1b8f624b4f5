namespace Reservations.Application.Webhooks;

/// <summary>The event types the enabled webhook endpoints want, read together with the generation of the endpoints they
/// were read from: it grows with every change to the endpoints, so of two readings the newer one is known.</summary>
public sealed record GateEventSubscriptions(long Generation, IReadOnlySet<string> Types);
