using Reservations.Application.Common.Ports;
using Reservations.Domain.Holds;

namespace Reservations.Application.Webhooks.DrainGateEvents;

/// <summary><paramref name="Outbox"/> (its name carries the deployment's key prefix and the shard) and
/// <paramref name="EntryId"/> name it uniquely; <paramref name="At"/> is by Redis's clock;
/// <paramref name="DeadLetter"/> is set for <c>order.dead_lettered</c> only.</summary>
public sealed record GateEvent(
    string Outbox, string EntryId, string Type, DateTimeOffset At, Hold Hold, DeadLetteredPurchase? DeadLetter = null);
