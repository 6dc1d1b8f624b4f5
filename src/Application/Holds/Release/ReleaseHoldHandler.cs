using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;

namespace Reservations.Application.Holds.Release;

public sealed class ReleaseHoldHandler(IHoldGate gate) : ICommandHandler<ReleaseHoldCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(ReleaseHoldCommand command, CancellationToken cancellationToken) =>
        await gate.ReleaseAsync(command.HoldId, CustomerId.From(command.CustomerId), cancellationToken);
}
