using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;

namespace Reservations.Application.Reservations.Get;

public sealed class GetReservationHandler(IHoldGate gate, IPurchasedHolds orders)
    : IQueryHandler<GetReservationQuery, Result<ReservationResponse>>
{
    public async ValueTask<Result<ReservationResponse>> Handle(GetReservationQuery query, CancellationToken cancellationToken)
    {
        // Redis forgets an ended hold after a day; a purchased one is still known to PostgreSQL as its order.
        var hold = await gate.FindAsync(query.ReservationId, cancellationToken)
            ?? await orders.FindHoldAsync(query.ReservationId, cancellationToken);
        // Someone else's reservation is "not found": a 403 would confirm that the id exists.
        return hold is not null && (query.IsAdmin || hold.IsOwnedBy(CustomerId.From(query.CustomerId)))
            ? hold.ToResponse()
            : ReservationErrors.NotFound;
    }
}
