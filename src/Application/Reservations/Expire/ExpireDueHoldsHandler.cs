using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Reservations.Expire;

public sealed partial class ExpireDueHoldsHandler(IInventoryGate gate, ILogger<ExpireDueHoldsHandler> logger)
    : ICommandHandler<ExpireDueHoldsCommand, int>
{
    public async ValueTask<int> Handle(ExpireDueHoldsCommand command, CancellationToken cancellationToken)
    {
        // Empty when the sweeper, a reserve, a release or a purchase got there first: expiring is idempotent.
        var delays = await gate.ExpireDueAsync(command.Shard, cancellationToken);
        foreach (var delay in delays)
        {
            ReservationsMetrics.RecordExpiryDelay(delay, "event");
        }

        if (delays.Count > 0)
        {
            LogReleased(logger, delays.Count, command.Shard);
        }

        return delays.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "{Count} holds of shard {Shard} released on an expiry event")]
    private static partial void LogReleased(ILogger logger, int count, int shard);
}
