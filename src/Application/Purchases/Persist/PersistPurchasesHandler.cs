using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Purchases.Persist;

public sealed partial class PersistPurchasesHandler(
    IPurchaseOutbox outbox, IPurchaseStore store, TimeProvider clock, ILogger<PersistPurchasesHandler> logger)
    : ICommandHandler<PersistPurchasesCommand, PersistPurchasesReport>
{
    public async ValueTask<PersistPurchasesReport> Handle(PersistPurchasesCommand command, CancellationToken cancellationToken)
    {
        var batch = await outbox.ReadAsync(command.Shard, command.Max, cancellationToken);
        var (persisted, duplicates, deadLettered) = (0, 0, 0);
        for (var i = 0; i < batch.Count; i++)
        {
            var purchase = batch[i];
            try
            {
                var (outcome, reason) = await store.PersistAsync(purchase, cancellationToken);
                if (outcome == PersistOutcome.Refused)
                {
                    await DeadLetterAsync(purchase, reason ?? "refused");
                    deadLettered++;
                    continue;
                }

                // Committed: acknowledge even if the caller is stopping, or the purchase would be persisted again later.
                await outbox.CompleteAsync(purchase, CancellationToken.None);
                if (outcome == PersistOutcome.Persisted)
                {
                    ReservationsMetrics.RecordPersistenceLag(clock.GetUtcNow() - purchase.PurchasedAt);
                    persisted++;
                }
                else
                {
                    duplicates++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // PostgreSQL or Redis is failing (down, misconfigured, not migrated yet…), and would fail the rest of
                // the batch the same way. What is left stays pending and is read again first, after the caller's
                // backoff. Only PostgreSQL's refusal of this one purchase sets it aside (above).
                var deferred = batch.Count - i;
                LogCutShort(logger, e, purchase.ReservationId, deferred);
                return new PersistPurchasesReport(batch.Count, persisted, duplicates, deadLettered, deferred);
            }
        }

        return new PersistPurchasesReport(batch.Count, persisted, duplicates, deadLettered, Deferred: 0);
    }

    private async Task DeadLetterAsync(PendingPurchase purchase, string reason)
    {
        await outbox.DeadLetterAsync(purchase, reason, CancellationToken.None);
        LogDeadLettered(logger, purchase.ReservationId, reason);
        ReservationsMetrics.DeadLetters.Add(1);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Purchase {ReservationId} refused ({Reason}); moved to the dead letters")]
    private static partial void LogDeadLettered(ILogger logger, Guid reservationId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Persisting purchase {ReservationId} failed; {Deferred} purchases of its batch, this one included, stay pending and are retried")]
    private static partial void LogCutShort(ILogger logger, Exception exception, Guid reservationId, int deferred);
}
