using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Purchases.Get;

public sealed class GetPurchaseHandler(IPurchaseReadStore purchases) : IQueryHandler<GetPurchaseQuery, Result<OrderResponse>>
{
    public async ValueTask<Result<OrderResponse>> Handle(GetPurchaseQuery query, CancellationToken cancellationToken)
    {
        var purchase = await purchases.FindAsync(query.PurchaseId, cancellationToken);
        // Someone else's purchase is "not found", as is one not yet persisted.
        return purchase is not null && (query.IsAdmin || purchase.CustomerId == query.CustomerId) ? purchase : PurchaseErrors.NotFound;
    }
}
