using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;

namespace Reservations.Application.Holds.Get;

public sealed class GetHoldHandler(IHoldGate gate, IPurchasedHolds purchases)
    : IQueryHandler<GetHoldQuery, Result<ReservationResponse>>
{
    public async ValueTask<Result<ReservationResponse>> Handle(GetHoldQuery query, CancellationToken cancellationToken)
    {
        // Redis forgets an ended hold after a day; a purchased one is still known to PostgreSQL as its purchase.
        var hold = await gate.FindAsync(query.HoldId, cancellationToken)
            ?? await purchases.FindHoldAsync(query.HoldId, cancellationToken);
        // Someone else's hold is "not found": a 403 would confirm that the id exists.
        return hold is not null && (query.IsAdmin || hold.IsOwnedBy(CustomerId.From(query.CustomerId)))
            ? hold.ToResponse()
            : HoldErrors.NotFound;
    }
}
