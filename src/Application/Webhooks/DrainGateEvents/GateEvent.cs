using Reservations.Application.Common.Ports;
using Reservations.Domain.Holds;

namespace Reservations.Application.Webhooks.DrainGateEvents;

/// <summary>One entry of a shard's gate event outbox. <paramref name="Outbox"/> and <paramref name="EntryId"/> name it
/// uniquely (the outbox's name carries the deployment's key prefix and the shard); <paramref name="At"/> is when the
/// gate made the change (Redis's clock); <paramref name="Hold"/> is the hold as it stood after the change.
/// <paramref name="DeadLetter"/> is set for <c>order.dead_lettered</c> only.</summary>
public sealed record GateEvent(
    string Outbox, string EntryId, string Type, DateTimeOffset At, Hold Hold, DeadLetteredPurchase? DeadLetter = null);
