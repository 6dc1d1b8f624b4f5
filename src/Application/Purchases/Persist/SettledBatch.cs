using Reservations.Application.Common.Ports;

namespace Reservations.Application.Purchases.Persist;

/// <summary>A batch after PostgreSQL: the purchases it stored (or had already), and those it refused for good.</summary>
internal sealed class SettledBatch
{
    public List<(PendingPurchase Purchase, PersistOutcome Outcome)> Stored { get; } = [];

    public List<(PendingPurchase Purchase, string Reason)> Refused { get; } = [];

    public int Count(PersistOutcome outcome) => Stored.Count(s => s.Outcome == outcome);
}
