using Mediator;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Orders.List;

public sealed class ListOrdersHandler(IOrderReadStore orders) : IQueryHandler<ListOrdersQuery, PagedResponse<OrderResponse>>
{
    public async ValueTask<PagedResponse<OrderResponse>> Handle(ListOrdersQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await orders.ListAsync(query.CustomerId, query.Page, query.PageSize, cancellationToken);
        return new PagedResponse<OrderResponse>(items, query.Page, query.PageSize, total);
    }
}
