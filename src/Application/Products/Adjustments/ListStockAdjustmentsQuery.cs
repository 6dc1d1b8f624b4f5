using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Adjustments;

public sealed record ListStockAdjustmentsQuery(
    Guid ProductId, int Page = PageRequest.DefaultPage, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<Result<PagedResponse<StockAdjustmentResponse>>>, IPagedQuery;
