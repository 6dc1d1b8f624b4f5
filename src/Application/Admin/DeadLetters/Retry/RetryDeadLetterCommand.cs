using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Admin.DeadLetters.Retry;

/// <summary>Puts a dead-lettered purchase back on its way to PostgreSQL, once an admin fixed the cause.</summary>
public sealed record RetryDeadLetterCommand(Guid HoldId) : ICommand<Result<Unit>>;
