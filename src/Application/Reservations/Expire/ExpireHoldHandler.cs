using Mediator;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Reservations.Expire;

public sealed class ExpireHoldHandler(IInventoryGate gate) : ICommandHandler<ExpireHoldCommand, bool>
{
    public async ValueTask<bool> Handle(ExpireHoldCommand command, CancellationToken cancellationToken)
    {
        // Null when the sweeper, a reserve, a release or a purchase got there first: releasing is idempotent.
        if (await gate.ExpireAsync(command.HoldId, cancellationToken) is not { } delay)
        {
            return false;
        }

        ReservationsMetrics.RecordExpiryDelay(delay, "event");
        return true;
    }
}
