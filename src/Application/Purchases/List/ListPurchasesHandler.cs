using Mediator;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Purchases.List;

public sealed class ListPurchasesHandler(IPurchaseReadStore purchases) : IQueryHandler<ListPurchasesQuery, PagedResponse<OrderResponse>>
{
    public async ValueTask<PagedResponse<OrderResponse>> Handle(ListPurchasesQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await purchases.ListAsync(query.CustomerId, query.Page, query.PageSize, cancellationToken);
        return new PagedResponse<OrderResponse>(items, query.Page, query.PageSize, total);
    }
}
