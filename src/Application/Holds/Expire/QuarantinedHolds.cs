using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Metrics;

namespace Reservations.Application.Holds.Expire;

internal static partial class QuarantinedHolds
{
    public static void Report(ILogger logger, int shard, IReadOnlyList<QuarantinedHold> holds)
    {
        foreach (var hold in holds)
        {
            LogQuarantined(logger, hold.HoldId, shard, hold.Reason);
            ReservationsMetrics.HoldsQuarantined.Add(1);
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Hold {HoldId} of shard {Shard} cannot be expired ({Reason}); moved to the shard's quarantine stream, its units stay where they were until an operator settles them")]
    private static partial void LogQuarantined(ILogger logger, string holdId, int shard, string reason);
}
