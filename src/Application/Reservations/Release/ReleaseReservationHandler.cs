using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;

namespace Reservations.Application.Reservations.Release;

public sealed class ReleaseReservationHandler(IHoldGate gate) : ICommandHandler<ReleaseReservationCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(ReleaseReservationCommand command, CancellationToken cancellationToken) =>
        await gate.ReleaseAsync(command.ReservationId, CustomerId.From(command.CustomerId), cancellationToken);
}
