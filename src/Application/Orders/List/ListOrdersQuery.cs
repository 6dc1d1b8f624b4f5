using Mediator;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Orders.List;

public sealed record ListOrdersQuery(string CustomerId, int Page = PageRequest.DefaultPage, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResponse<OrderResponse>>, IPagedQuery;
