using Mediator;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Products.List;

public sealed record ListProductsQuery(int Page = PageRequest.DefaultPage, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResponse<ProductResponse>>, IPagedQuery;
