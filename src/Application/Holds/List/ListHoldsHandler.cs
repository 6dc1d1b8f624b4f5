using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Application.Holds.List;

public sealed class ListHoldsHandler(IHoldReadStore holds)
    : IQueryHandler<ListHoldsQuery, Result<PagedResponse<ReservationResponse>>>
{
    public async ValueTask<Result<PagedResponse<ReservationResponse>>> Handle(
        ListHoldsQuery query, CancellationToken cancellationToken)
    {
        if (query.ForCustomerId is not null && !query.IsAdmin)
        {
            return HoldErrors.CustomerIdAdminOnly;
        }

        HoldStatus? status = query.Status is null ? null : HoldStatusNames.TryParse(query.Status, out var parsed)
            ? parsed
            : throw new ArgumentException($"Unknown status '{query.Status}'.", nameof(query));
        var customer = CustomerId.From(query.ForCustomerId ?? query.CustomerId);
        var skipped = (query.Page - 1) * query.PageSize;
        var (newest, total) = await holds.ListAsync(customer, status, skipped + query.PageSize, cancellationToken);
        return new PagedResponse<ReservationResponse>(
            [.. newest.Skip(skipped).Select(hold => hold.ToResponse())], query.Page, query.PageSize, total);
    }
}
