using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Purchases.Persist;

public sealed partial class PersistPurchasesHandler(IPurchaseOutbox outbox, IPurchaseStore store, ILogger<PersistPurchasesHandler> logger)
    : ICommandHandler<PersistPurchasesCommand, PersistPurchasesReport>
{
    public async ValueTask<PersistPurchasesReport> Handle(PersistPurchasesCommand command, CancellationToken cancellationToken)
    {
        var batch = await outbox.ReadAsync(command.Max, cancellationToken);
        var (persisted, duplicates, deadLettered, deferred) = (0, 0, 0, 0);
        foreach (var purchase in batch)
        {
            try
            {
                var (outcome, reason) = await store.PersistAsync(purchase, cancellationToken);
                if (outcome == PersistOutcome.Refused)
                {
                    await outbox.DeadLetterAsync(purchase, reason ?? "refused", CancellationToken.None);
                    LogDeadLettered(logger, purchase.ReservationId, reason);
                    deadLettered++;
                    continue;
                }

                // Committed: acknowledge even if the caller is stopping, or the purchase would be persisted again later.
                await outbox.CompleteAsync(purchase, CancellationToken.None);
                if (outcome == PersistOutcome.Persisted)
                {
                    persisted++;
                }
                else
                {
                    duplicates++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Left unacknowledged: it is delivered again once it has been pending for the reclaim time.
                LogDeferred(logger, e, purchase.ReservationId);
                deferred++;
            }
        }

        return new PersistPurchasesReport(batch.Count, persisted, duplicates, deadLettered, deferred);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Purchase {ReservationId} refused by PostgreSQL ({Reason}); moved to the dead letters")]
    private static partial void LogDeadLettered(ILogger logger, Guid reservationId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Persisting purchase {ReservationId} failed; it stays pending and is retried")]
    private static partial void LogDeferred(ILogger logger, Exception exception, Guid reservationId);
}
