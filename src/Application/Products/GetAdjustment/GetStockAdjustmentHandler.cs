using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Products.Adjustments;

namespace Reservations.Application.Products.GetAdjustment;

public sealed class GetStockAdjustmentHandler(ICatalog catalog)
    : IQueryHandler<GetStockAdjustmentQuery, Result<StockAdjustmentResponse>>
{
    public async ValueTask<Result<StockAdjustmentResponse>> Handle(GetStockAdjustmentQuery query, CancellationToken cancellationToken) =>
        await catalog.FindAdjustmentAsync(query.ProductId, query.AdjustmentId, cancellationToken) is { } adjustment
            ? adjustment.ToResponse()
            : ProductErrors.AdjustmentNotFound;
}
