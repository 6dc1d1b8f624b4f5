using Mediator;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Reservations.Sweep;

/// <summary>Expires every overdue hold that no event released, and purges old tombstones.</summary>
public sealed record SweepExpiredHoldsCommand : ICommand<SweepReport>
{
    /// <summary>How long released and expired reservations stay readable.</summary>
    public static readonly TimeSpan KeepFinished = TimeSpan.FromHours(24);
}
