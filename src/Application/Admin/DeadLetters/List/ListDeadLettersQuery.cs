using Mediator;

namespace Reservations.Application.Admin.DeadLetters.List;

public sealed record ListDeadLettersQuery : IQuery<IReadOnlyList<DeadLetterResponse>>;
