using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Holds.Extend;

public sealed record ExtendHoldCommand(string CustomerId, Guid HoldId, int Seconds, string? IdempotencyKey)
    : ICommand<Result<ReservationResponse>>;
