using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Admin.DeadLetters.Retry;

public sealed record RetryDeadLetterCommand(Guid HoldId) : ICommand<Result<Unit>>;
