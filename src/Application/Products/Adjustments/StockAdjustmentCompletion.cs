using Reservations.Application.Common.Ports;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.Adjustments;

/// <summary>The second step of a pending adjustment: Redis applies it (at most once per id), then PostgreSQL marks it
/// applied, or reverts its total when Redis refused it. Null: no gate state yet, and it stays pending. Every part is
/// safe to repeat, so the request and the Worker may both run it, in any order.</summary>
public static class StockAdjustmentCompletion
{
    public static async Task<CompletedAdjustment?> CompleteAsync(
        ICatalog catalog, IStockGate gate, StockAdjustment adjustment, CancellationToken cancellationToken)
    {
        var applied = await gate.ApplyAdjustmentAsync(adjustment, cancellationToken);
        if (applied.Outcome == AdjustmentOutcome.NoGateState)
        {
            return null;
        }

        if (applied.Outcome == AdjustmentOutcome.Refused)
        {
            var reverted = await catalog.RevertAdjustmentAsync(adjustment, cancellationToken);
            return new CompletedAdjustment(StockAdjustmentStatus.Reverted, reverted, applied.Available);
        }

        var product = await catalog.MarkAdjustmentAppliedAsync(adjustment, cancellationToken);
        return new CompletedAdjustment(StockAdjustmentStatus.Applied, product, applied.Available);
    }
}

public sealed record CompletedAdjustment(StockAdjustmentStatus Status, Product Product, int Available);
