using Mediator;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Reservations.Sweep;

public sealed class SweepExpiredHoldsHandler(IInventoryGate gate) : ICommandHandler<SweepExpiredHoldsCommand, SweepReport>
{
    public async ValueTask<SweepReport> Handle(SweepExpiredHoldsCommand command, CancellationToken cancellationToken)
    {
        var report = await gate.SweepAsync(cancellationToken);
        foreach (var delay in report.ExpiryDelays)
        {
            ReservationsMetrics.RecordExpiryDelay(delay, "sweep");
        }

        return report;
    }
}
