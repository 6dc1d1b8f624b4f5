using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Reservations.Expire;

public sealed partial class ExpireHoldHandler(IInventoryGate gate, ILogger<ExpireHoldHandler> logger) : ICommandHandler<ExpireHoldCommand, bool>
{
    public async ValueTask<bool> Handle(ExpireHoldCommand command, CancellationToken cancellationToken)
    {
        // Null when the sweeper, a reserve, a release or a purchase got there first: releasing is idempotent.
        if (await gate.ExpireAsync(command.HoldId, cancellationToken) is not { } delay)
        {
            return false;
        }

        ReservationsMetrics.RecordExpiryDelay(delay, "event");
        LogReleased(logger, command.HoldId, delay.TotalMilliseconds);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hold {HoldId} released on its expiry event, {DelayMs:0} ms after its deadline")]
    private static partial void LogReleased(ILogger logger, Guid holdId, double delayMs);
}
