using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Admin.DeadLetters.Retry;

public sealed class RetryDeadLetterHandler(IPurchaseOutbox outbox) : ICommandHandler<RetryDeadLetterCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(RetryDeadLetterCommand command, CancellationToken cancellationToken) =>
        await outbox.RetryDeadLetterAsync(command.HoldId, cancellationToken) ? Unit.Value : DeadLetterErrors.NotFound;
}
