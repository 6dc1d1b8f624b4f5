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
        if (batch.Count == 0)
        {
            return new PersistPurchasesReport(0, 0, 0, 0, Deferred: 0);
        }

        SettledBatch settled;
        try
        {
            settled = await store.PersistIsolatingRefusalsAsync(batch, cancellationToken);
            if (settled.Stored.Count > 0)
            {
                // Committed: acknowledge even if the caller is stopping, or the batch would be persisted again later.
                await outbox.CompleteAsync([.. settled.Stored.Select(s => s.Purchase)], CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // PostgreSQL or Redis is failing (down, misconfigured, not migrated yet…): the whole batch stays pending
            // and is read again first, after the caller's backoff. What was committed meanwhile is found already there.
            LogBatchDeferred(logger, e, batch.Count);
            return new PersistPurchasesReport(batch.Count, 0, 0, 0, Deferred: batch.Count);
        }

        RecordLag(settled);
        var deadLettered = await DeadLetterAsync(settled.Refused);
        return new PersistPurchasesReport(batch.Count, settled.Count(PersistOutcome.Persisted),
            settled.Count(PersistOutcome.AlreadyPersisted), deadLettered, Deferred: settled.Refused.Count - deadLettered);
    }

    private void RecordLag(SettledBatch settled)
    {
        var now = clock.GetUtcNow();
        foreach (var (purchase, _) in settled.Stored.Where(s => s.Outcome == PersistOutcome.Persisted))
        {
            ReservationsMetrics.RecordPersistenceLag(now - purchase.PurchasedAt);
        }
    }

    private async Task<int> DeadLetterAsync(List<(PendingPurchase Purchase, string Reason)> refused)
    {
        for (var i = 0; i < refused.Count; i++)
        {
            var (purchase, reason) = refused[i];
            bool moved;
            try
            {
                moved = await outbox.DeadLetterAsync(purchase, reason, CancellationToken.None);
            }
            catch (Exception e)
            {
                // Redis is failing: the refused purchases left stay pending and are refused again on the next read.
                LogDeadLetterDeferred(logger, e, purchase.ReservationId, refused.Count - i);
                return i;
            }

            if (moved)
            {
                LogDeadLettered(logger, purchase.ReservationId, reason);
                ReservationsMetrics.DeadLetters.Add(1);
            }
            else
            {
                LogSettledElsewhere(logger, purchase.ReservationId, reason);
            }
        }

        return refused.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Purchase {ReservationId} refused ({Reason}); moved to the dead letters")]
    private static partial void LogDeadLettered(ILogger logger, Guid reservationId, string? reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Purchase {ReservationId} refused ({Reason}), but another Worker holding its entry persisted or dead-lettered it; only acknowledged")]
    private static partial void LogSettledElsewhere(ILogger logger, Guid reservationId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Persisting a batch of {Deferred} purchases failed; they stay pending and are retried")]
    private static partial void LogBatchDeferred(ILogger logger, Exception exception, int deferred);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Dead-lettering purchase {ReservationId} failed; {Deferred} refused purchases, this one included, stay pending and are retried")]
    private static partial void LogDeadLetterDeferred(ILogger logger, Exception exception, Guid reservationId, int deferred);
}
