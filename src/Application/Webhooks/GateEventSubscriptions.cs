namespace Reservations.Application.Webhooks;

/// <summary>The generation grows with every change to the endpoints, so of two readings the newer one is known.</summary>
public sealed record GateEventSubscriptions(long Generation, IReadOnlySet<string> Types);
