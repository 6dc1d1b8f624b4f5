using Reservations.Application.Common.Ports;

namespace Reservations.Application.Purchases.Persist;

internal sealed class SettledBatch
{
    public List<(PendingPurchase Purchase, PersistOutcome Outcome)> Stored { get; } = [];

    public List<(PendingPurchase Purchase, string Reason)> Refused { get; } = [];

    public int Count(PersistOutcome outcome) => Stored.Count(s => s.Outcome == outcome);
}
