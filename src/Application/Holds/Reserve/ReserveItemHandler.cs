using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Application.Holds.Reserve;

public sealed class ReserveItemHandler(IHoldGate gate) : ICommandHandler<ReserveItemCommand, Result<ReservationResponse>>
{
    public async ValueTask<Result<ReservationResponse>> Handle(ReserveItemCommand command, CancellationToken cancellationToken)
    {
        var request = new ReserveRequest(
            [.. command.Lines().Select(item => new ReserveLine(item.ProductId, Quantity.From(item.Quantity)))],
            CustomerId.From(command.CustomerId),
            command.IdempotencyKey)
        {
            HoldSeconds = command.HoldSeconds,
        };
        var hold = await gate.ReserveAsync(request, cancellationToken);
        return hold.IsSuccess ? hold.Value.ToResponse() : hold.Error!;
    }
}
