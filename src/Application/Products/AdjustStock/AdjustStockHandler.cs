using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Products.Adjustments;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.AdjustStock;

/// <summary>PostgreSQL records the adjustment pending with its total, then <see cref="StockAdjustmentCompletion"/>
/// applies it to Redis and marks it. Should a store not answer in that second step, it stays pending and the answer is
/// 202: the Worker completes it, never undoes it on a guess, since the call that timed out may still run.</summary>
public sealed partial class AdjustStockHandler(
    ICatalog catalog, IStockGate gate, IFailureClassifier failures, TimeProvider clock, ILogger<AdjustStockHandler> logger)
    : ICommandHandler<AdjustStockCommand, Result<AdjustStockResponse>>
{
    public async ValueTask<Result<AdjustStockResponse>> Handle(AdjustStockCommand command, CancellationToken cancellationToken)
    {
        var requested = new StockAdjustment(command.ProductId, command.Delta, command.Actor, command.Reason,
            clock.GetUtcNow(), command.IdempotencyKey, command.ExpectedTotalStock);
        var recorded = await catalog.RecordAdjustmentAsync(requested, cancellationToken);
        if (!recorded.IsSuccess)
        {
            // PostgreSQL knows only what is unsold; what may be removed is what Redis has available.
            return recorded.Error!.Code == ProductErrors.InsufficientAvailableCode
                ? await RefusedAsync(requested.ProductId, cancellationToken)
                : recorded.Error!;
        }

        var (adjustment, product) = (recorded.Value.Adjustment, recorded.Value.Product);
        if (adjustment.Status != StockAdjustmentStatus.Pending)
        {
            return await ReplayAsync(adjustment, product, cancellationToken);
        }

        try
        {
            // Recorded is committed: a client that hangs up now must not stop the second step halfway.
            var completed = await StockAdjustmentCompletion.CompleteAsync(catalog, gate, adjustment, CancellationToken.None);
            return completed switch
            {
                null => Response(adjustment, StockAdjustmentStatus.Pending, product, null),
                { Status: StockAdjustmentStatus.Reverted } => ProductErrors.InsufficientAvailable(completed.Available),
                _ => Response(adjustment, StockAdjustmentStatus.Applied, completed.Product, completed.Available),
            };
        }
        catch (Exception e) when (failures.IsTransient(e))
        {
            LogLeftPending(logger, adjustment.Id, adjustment.ProductId, adjustment.Delta, e.GetType().Name);
            return Response(adjustment, StockAdjustmentStatus.Pending, product, null);
        }
    }

    // A retry of an adjustment that has ended answers as its first request did.
    private async Task<Result<AdjustStockResponse>> ReplayAsync(
        StockAdjustment adjustment, Product product, CancellationToken cancellationToken) =>
        adjustment.Status == StockAdjustmentStatus.Reverted
            ? await RefusedAsync(adjustment.ProductId, cancellationToken)
            : Response(adjustment, adjustment.Status, product, await AvailableAsync(adjustment.ProductId, cancellationToken));

    private async Task<Error> RefusedAsync(Guid productId, CancellationToken cancellationToken) =>
        ProductErrors.InsufficientAvailable(await AvailableAsync(productId, cancellationToken));

    private async Task<int> AvailableAsync(Guid productId, CancellationToken cancellationToken) =>
        (await gate.GetStockAsync(productId, cancellationToken))?.Available ?? 0;

    private static AdjustStockResponse Response(
        StockAdjustment adjustment, StockAdjustmentStatus status, Product product, int? available) =>
        new(adjustment.Id, adjustment.ProductId, adjustment.Delta, status, product.TotalStock, available);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Stock adjustment {AdjustmentId} ({Delta}) of product {ProductId} is left pending ({Reason}): the Worker completes it")]
    private static partial void LogLeftPending(ILogger logger, Guid adjustmentId, Guid productId, int delta, string reason);
}
