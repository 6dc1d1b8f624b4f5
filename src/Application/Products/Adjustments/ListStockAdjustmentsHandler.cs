using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Adjustments;

public sealed class ListStockAdjustmentsHandler(ICatalog catalog)
    : IQueryHandler<ListStockAdjustmentsQuery, Result<PagedResponse<StockAdjustmentResponse>>>
{
    public async ValueTask<Result<PagedResponse<StockAdjustmentResponse>>> Handle(
        ListStockAdjustmentsQuery query, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(query.ProductId, cancellationToken) is null)
        {
            return ProductErrors.NotFound;
        }

        var (items, total) = await catalog.ListAdjustmentsAsync(query.ProductId, query.Page, query.PageSize, cancellationToken);
        return new PagedResponse<StockAdjustmentResponse>(
            [.. items.Select(a => a.ToResponse())], query.Page, query.PageSize, total);
    }
}
