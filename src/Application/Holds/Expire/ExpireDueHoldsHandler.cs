using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Metrics;

namespace Reservations.Application.Holds.Expire;

public sealed partial class ExpireDueHoldsHandler(IHoldExpiry gate, ILogger<ExpireDueHoldsHandler> logger)
    : ICommandHandler<ExpireDueHoldsCommand, int>
{
    public async ValueTask<int> Handle(ExpireDueHoldsCommand command, CancellationToken cancellationToken)
    {
        // Empty when the sweeper, a reserve, a release or a purchase got there first: expiring is idempotent.
        var expiry = await gate.ExpireDueAsync(command.Shard, cancellationToken);
        foreach (var delay in expiry.Delays)
        {
            ReservationsMetrics.RecordExpiryDelay(delay, "event");
        }

        QuarantinedHolds.Report(logger, command.Shard, expiry.Quarantined);
        if (expiry.Delays.Count > 0)
        {
            LogReleased(logger, expiry.Delays.Count, command.Shard);
        }

        return expiry.Delays.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "{Count} holds of shard {Shard} released on an expiry event")]
    private static partial void LogReleased(ILogger logger, int count, int shard);
}
