using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;

namespace Reservations.Application.Reservations.Extend;

public sealed class ExtendReservationHandler(IHoldGate gate)
    : ICommandHandler<ExtendReservationCommand, Result<ReservationResponse>>
{
    public async ValueTask<Result<ReservationResponse>> Handle(ExtendReservationCommand command, CancellationToken cancellationToken)
    {
        var request = new ExtendRequest(
            command.ReservationId, CustomerId.From(command.CustomerId), command.Seconds, command.IdempotencyKey);
        var hold = await gate.ExtendAsync(request, cancellationToken);
        return hold.IsSuccess ? hold.Value.ToResponse() : hold.Error!;
    }
}
