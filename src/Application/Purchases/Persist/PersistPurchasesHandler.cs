using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Tracing;

namespace Reservations.Application.Purchases.Persist;

public sealed partial class PersistPurchasesHandler(
    IPurchaseOutbox outbox, IPurchaseStore store, IFailureClassifier failures, TimeProvider clock, ILogger<PersistPurchasesHandler> logger)
    : ICommandHandler<PersistPurchasesCommand, PersistPurchasesReport>
{
    public async ValueTask<PersistPurchasesReport> Handle(PersistPurchasesCommand command, CancellationToken cancellationToken)
    {
        var batch = await outbox.ReadAsync(command.Shard, command.Max, cancellationToken);
        if (batch.Count == 0)
        {
            return new PersistPurchasesReport(0, 0, 0, 0, Deferred: 0);
        }

        // Started once there is something to persist: the idle polls of the streams are not traced.
        using var activity = ReservationsTracing.Source.StartActivity(
            "persist purchases", ActivityKind.Internal, default(ActivityContext), links: PurchaseSpans.LinksOf(batch));
        activity?.SetTag("shard", command.Shard).SetTag("purchases", batch.Count);
        using var spans = PurchaseSpans.Start(activity, batch);
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
            // Only a failure that is not a passing outage may single out purchases delivered too often.
            LogBatchDeferred(logger, e, batch.Count);
            return failures.IsTransient(e)
                ? new PersistPurchasesReport(batch.Count, 0, 0, 0, Deferred: batch.Count)
                : await PersistExhaustedAloneAsync(command.Shard, batch, spans);
        }

        return await SettleAsync(batch, settled, spans);
    }

    // A failure that is not a passing outage and comes back on every delivery would hold the shard up for good: a
    // purchase delivered MaxDeliveries times is persisted alone and, failing alone, dead-lettered, but only if another
    // went through alone; if none did, the store is what fails (a missing table, a revoked grant) and all stay pending.
    private async Task<PersistPurchasesReport> PersistExhaustedAloneAsync(
        int shard, IReadOnlyList<PendingPurchase> batch, PurchaseSpans spans)
    {
        var settled = new SettledBatch();
        var failed = new List<(PendingPurchase Purchase, string Reason)>();
        foreach (var (purchase, deliveries) in await outbox.ExhaustedAsync(shard, batch, CancellationToken.None))
        {
            try
            {
                var result = await store.PersistAsync([purchase], CancellationToken.None);
                if (result.Refusal is null)
                {
                    settled.Stored.Add((purchase, result.Outcomes[0]));
                }
                else
                {
                    settled.Refused.Add((purchase, result.Refusal));
                }
            }
            catch (Exception e) when (!failures.IsTransient(e))
            {
                failed.Add((purchase, $"not persisted after {deliveries} deliveries: {e.Message}"));
            }
        }

        if (settled.Stored.Count > 0)
        {
            await outbox.CompleteAsync([.. settled.Stored.Select(s => s.Purchase)], CancellationToken.None);
            settled.Refused.AddRange(failed);
        }

        return await SettleAsync(batch, settled, spans);
    }

    private async Task<PersistPurchasesReport> SettleAsync(IReadOnlyList<PendingPurchase> batch, SettledBatch settled, PurchaseSpans spans)
    {
        RecordLag(settled);
        foreach (var (purchase, outcome) in settled.Stored)
        {
            spans.Settled(purchase, outcome == PersistOutcome.Persisted ? "persisted" : "already persisted");
        }

        var deadLettered = await DeadLetterAsync(settled.Refused, spans);
        return new PersistPurchasesReport(batch.Count, settled.Count(PersistOutcome.Persisted),
            settled.Count(PersistOutcome.AlreadyPersisted), deadLettered, Deferred: batch.Count - settled.Stored.Count - deadLettered);
    }

    private void RecordLag(SettledBatch settled)
    {
        var now = clock.GetUtcNow();
        foreach (var (purchase, _) in settled.Stored.Where(s => s.Outcome == PersistOutcome.Persisted))
        {
            ReservationsMetrics.RecordPersistenceLag(now - purchase.PurchasedAt);
        }
    }

    private async Task<int> DeadLetterAsync(List<(PendingPurchase Purchase, string Reason)> refused, PurchaseSpans spans)
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
                LogDeadLetterDeferred(logger, e, purchase.HoldId, refused.Count - i);
                return i;
            }

            spans.Settled(purchase, moved ? "dead-lettered" : "settled elsewhere");
            if (moved)
            {
                LogDeadLettered(logger, purchase.HoldId, reason);
                ReservationsMetrics.DeadLetters.Add(1);
            }
            else
            {
                LogSettledElsewhere(logger, purchase.HoldId, reason);
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
