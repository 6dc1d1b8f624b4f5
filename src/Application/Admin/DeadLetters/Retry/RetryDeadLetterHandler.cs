using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Admin.DeadLetters.Retry;

public sealed class RetryDeadLetterHandler(IPurchaseOutbox outbox) : ICommandHandler<RetryDeadLetterCommand, Result<Unit>>
{
    private static readonly Error NotFound = new("dead-letter-not-found", 404);

    public async ValueTask<Result<Unit>> Handle(RetryDeadLetterCommand command, CancellationToken cancellationToken) =>
        await outbox.RetryDeadLetterAsync(command.ReservationId, cancellationToken) ? Unit.Value : NotFound;
}
