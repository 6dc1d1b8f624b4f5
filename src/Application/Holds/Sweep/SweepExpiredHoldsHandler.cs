using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds.Expire;

namespace Reservations.Application.Holds.Sweep;

public sealed partial class SweepExpiredHoldsHandler(
    IHoldExpiry gate, IFailureClassifier failures, ILogger<SweepExpiredHoldsHandler> logger)
    : ICommandHandler<SweepExpiredHoldsCommand, SweepReport>
{
    public async ValueTask<SweepReport> Handle(SweepExpiredHoldsCommand command, CancellationToken cancellationToken)
    {
        var delays = new List<TimeSpan>();
        var failedShards = new List<int>();
        for (var shard = 0; shard < gate.Shards; shard++)
        {
            ShardExpiry expiry;
            try
            {
                expiry = await gate.ExpireDueAsync(shard, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && !failures.IsTransient(e))
            {
                // A corrupt key fails this shard the same way on every pass: report it, and sweep the other shards.
                // A failure that may pass (Redis unreachable) ends the pass instead: it would fail every shard alike.
                var reason = e.Message;
                LogShardFailed(logger, e, shard, reason);
                ReservationsMetrics.RecordExpiryFailure(shard);
                failedShards.Add(shard);
                continue;
            }

            foreach (var delay in expiry.Delays)
            {
                ReservationsMetrics.RecordExpiryDelay(delay, "sweep");
            }

            QuarantinedHolds.Report(logger, shard, expiry.Quarantined);
            delays.AddRange(expiry.Delays);
        }

        return new SweepReport(delays, failedShards);
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Sweeping shard {Shard} failed ({Reason}); its due holds stay held until the key is repaired, the other shards are swept")]
    private static partial void LogShardFailed(ILogger logger, Exception exception, int shard, string reason);
}
