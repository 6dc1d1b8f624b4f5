using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Holds.List;

/// <summary>An admin may name another customer (<paramref name="ForCustomerId"/>). <paramref name="Status"/> is a
/// status name as the API writes it, or null for every status.</summary>
public sealed record ListHoldsQuery(
    string CustomerId,
    bool IsAdmin,
    string? ForCustomerId = null,
    string? Status = null,
    int Page = PageRequest.DefaultPage,
    int PageSize = PageRequest.DefaultPageSize) : IQuery<Result<PagedResponse<ReservationResponse>>>, IPagedQuery;
