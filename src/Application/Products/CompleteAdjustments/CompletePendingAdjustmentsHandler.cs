using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products.Adjustments;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.CompleteAdjustments;

public sealed partial class CompletePendingAdjustmentsHandler(
    ICatalog catalog, IInventoryGate gate, TimeProvider clock, ILogger<CompletePendingAdjustmentsHandler> logger)
    : ICommandHandler<CompletePendingAdjustmentsCommand, int>
{
    public async ValueTask<int> Handle(CompletePendingAdjustmentsCommand command, CancellationToken cancellationToken)
    {
        var pending = await catalog.ListPendingAdjustmentsAsync(
            clock.GetUtcNow() - command.Grace, CompletePendingAdjustmentsCommand.Batch, cancellationToken);
        foreach (var adjustment in pending)
        {
            if (await StockAdjustmentCompletion.CompleteAsync(catalog, gate, adjustment, cancellationToken) is { } completed)
            {
                LogCompleted(logger, adjustment.Id, adjustment.Delta, adjustment.ProductId, completed.Status);
            }
        }

        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Completed the pending stock adjustment {AdjustmentId} ({Delta}) of product {ProductId}: {Status}")]
    private static partial void LogCompleted(ILogger logger, Guid adjustmentId, int delta, Guid productId, StockAdjustmentStatus status);
}
