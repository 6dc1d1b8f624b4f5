using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;

namespace Reservations.Application.Reservations.Purchase;

public sealed class PurchaseReservationHandler(IInventoryGate gate)
    : ICommandHandler<PurchaseReservationCommand, Result<ReservationResponse>>
{
    public async ValueTask<Result<ReservationResponse>> Handle(PurchaseReservationCommand command, CancellationToken cancellationToken)
    {
        var hold = await gate.PurchaseAsync(command.ReservationId, CustomerId.From(command.CustomerId), cancellationToken);
        return hold.IsSuccess ? hold.Value.ToResponse() : hold.Error!;
    }
}
