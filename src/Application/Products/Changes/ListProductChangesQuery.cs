using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Changes;

public sealed record ListProductChangesQuery(
    Guid ProductId, int Page = PageRequest.DefaultPage, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<Result<PagedResponse<ProductChangeResponse>>>, IPagedQuery;
