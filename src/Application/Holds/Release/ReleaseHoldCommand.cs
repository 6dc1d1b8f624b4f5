using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Holds.Release;

public sealed record ReleaseHoldCommand(string CustomerId, Guid HoldId) : ICommand<Result<Unit>>;
