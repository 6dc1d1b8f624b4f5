using Mediator;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Purchases.List;

public sealed record ListPurchasesQuery(string CustomerId, int Page = PageRequest.DefaultPage, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResponse<OrderResponse>>, IPagedQuery;
