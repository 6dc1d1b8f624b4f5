using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products.Adjustments;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.CompleteAdjustments;

public sealed partial class CompletePendingAdjustmentsHandler(
    ICatalog catalog, IStockGate gate, IFailureClassifier failures, TimeProvider clock, ILogger<CompletePendingAdjustmentsHandler> logger)
    : ICommandHandler<CompletePendingAdjustmentsCommand, int>
{
    public async ValueTask<int> Handle(CompletePendingAdjustmentsCommand command, CancellationToken cancellationToken)
    {
        var pending = await catalog.ListPendingAdjustmentsAsync(
            clock.GetUtcNow() - command.Grace, CompletePendingAdjustmentsCommand.Batch, cancellationToken);
        foreach (var adjustment in pending)
        {
            try
            {
                if (await StockAdjustmentCompletion.CompleteAsync(catalog, gate, adjustment, cancellationToken) is { } completed)
                {
                    LogCompleted(logger, adjustment.Id, adjustment.Delta, adjustment.ProductId, completed.Status);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException && !failures.IsTransient(e))
            {
                // This adjustment's own trouble (a corrupt key of its product): it stays pending, the others go on.
                // A passing outage ends the pass instead; the next tick tries every one again.
                LogFailed(logger, e, adjustment.Id, adjustment.ProductId);
            }
        }

        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Completing the pending stock adjustment {AdjustmentId} of product {ProductId} failed; it stays pending")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid adjustmentId, Guid productId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Completed the pending stock adjustment {AdjustmentId} ({Delta}) of product {ProductId}: {Status}")]
    private static partial void LogCompleted(ILogger logger, Guid adjustmentId, int delta, Guid productId, StockAdjustmentStatus status);
}
