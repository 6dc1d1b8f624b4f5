using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;

namespace Reservations.Application.Holds.Extend;

public sealed class ExtendHoldHandler(IHoldGate gate)
    : ICommandHandler<ExtendHoldCommand, Result<ReservationResponse>>
{
    public async ValueTask<Result<ReservationResponse>> Handle(ExtendHoldCommand command, CancellationToken cancellationToken)
    {
        var request = new ExtendRequest(
            command.HoldId, CustomerId.From(command.CustomerId), command.Seconds, command.IdempotencyKey);
        var hold = await gate.ExtendAsync(request, cancellationToken);
        return hold.IsSuccess ? hold.Value.ToResponse() : hold.Error!;
    }
}
