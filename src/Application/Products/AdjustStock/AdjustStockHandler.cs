using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.AdjustStock;

/// <summary>
/// Changes PostgreSQL's total and Redis's available together. Units are taken from Redis first when removing (so no
/// reserve can take them meanwhile) and given to Redis last when adding (so no reserve takes units PostgreSQL lacks).
/// When the second step fails or throws, the first is undone; the undo ignores the request's cancellation, since a
/// client that hangs up halfway must not leave the ledger short.
/// </summary>
public sealed partial class AdjustStockHandler(
    ICatalog catalog, IInventoryGate gate, TimeProvider clock, ILogger<AdjustStockHandler> logger)
    : ICommandHandler<AdjustStockCommand, Result<ProductResponse>>
{
    public async ValueTask<Result<ProductResponse>> Handle(AdjustStockCommand command, CancellationToken cancellationToken)
    {
        var (id, delta) = (command.ProductId, command.Delta);
        var product = await catalog.FindAsync(id, cancellationToken);
        if (product is null)
        {
            return ProductErrors.NotFound;
        }

        if ((long)product.TotalStock + delta > Product.MaxStock)
        {
            return ProductErrors.StockLimitExceeded;
        }

        var adjustment = new StockAdjustment(id, delta, command.Actor, command.Reason, clock.GetUtcNow());
        return delta < 0 ? await RemoveAsync(adjustment, cancellationToken) : await AddAsync(adjustment, cancellationToken);
    }

    private async Task<Result<ProductResponse>> RemoveAsync(StockAdjustment adjustment, CancellationToken cancellationToken)
    {
        var (id, delta) = (adjustment.ProductId, adjustment.Delta);
        var available = await gate.AdjustAvailableAsync(id, delta, cancellationToken);
        if (!available.IsSuccess)
        {
            return available.Error!;
        }

        var product = await UndoingOnFailureAsync(
            () => catalog.AdjustTotalStockAsync(adjustment, CancellationToken.None),
            () => gate.AdjustAvailableAsync(id, -delta, CancellationToken.None), id, delta);
        return product.IsSuccess ? product.Value.ToResponse(available.Value) : product.Error!;
    }

    private async Task<Result<ProductResponse>> AddAsync(StockAdjustment adjustment, CancellationToken cancellationToken)
    {
        var (id, delta) = (adjustment.ProductId, adjustment.Delta);
        var product = await catalog.AdjustTotalStockAsync(adjustment, cancellationToken);
        if (!product.IsSuccess)
        {
            return product.Error!;
        }

        var available = await UndoingOnFailureAsync(
            () => gate.AdjustAvailableAsync(id, delta, CancellationToken.None),
            () => catalog.AdjustTotalStockAsync(adjustment.Undo(clock.GetUtcNow()), CancellationToken.None), id, delta);
        return available.IsSuccess ? product.Value.ToResponse(available.Value) : available.Error!;
    }

    private async Task<Result<T>> UndoingOnFailureAsync<T, TUndo>(
        Func<Task<Result<T>>> secondStep, Func<Task<Result<TUndo>>> undoFirstStep, Guid id, int delta)
    {
        Result<T> result;
        try
        {
            result = await secondStep();
        }
        catch
        {
            await UndoAsync(undoFirstStep, id, delta);
            throw;
        }

        if (!result.IsSuccess)
        {
            await UndoAsync(undoFirstStep, id, delta);
        }

        return result;
    }

    private async Task UndoAsync<TUndo>(Func<Task<Result<TUndo>>> undo, Guid id, int delta)
    {
        try
        {
            var undone = await undo();
            if (!undone.IsSuccess)
            {
                LogUndoFailed(logger, id, delta, undone.Error!.Code, null);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUndoFailed(logger, id, delta, e.GetType().Name, e);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Stock adjustment {Delta} of product {ProductId} failed halfway and could not be undone ({Reason}): the ledger is unbalanced")]
    private static partial void LogUndoFailed(ILogger logger, Guid productId, int delta, string reason, Exception? exception);
}
