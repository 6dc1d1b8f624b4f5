using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Products.List;

public sealed class ListProductsHandler(ICatalog catalog, IStockGate gate)
    : IQueryHandler<ListProductsQuery, PagedResponse<ProductResponse>>
{
    public async ValueTask<PagedResponse<ProductResponse>> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var (products, total) = await catalog.ListAsync(query.Page, query.PageSize, cancellationToken);
        var available = await gate.GetAvailableAsync([.. products.Select(p => p.Id)], cancellationToken);
        var items = products.Select(p => p.ToResponse(available.GetValueOrDefault(p.Id))).ToList();
        return new PagedResponse<ProductResponse>(items, query.Page, query.PageSize, total);
    }
}
