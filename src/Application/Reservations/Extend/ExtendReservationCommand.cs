using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Reservations.Extend;

public sealed record ExtendReservationCommand(string CustomerId, Guid ReservationId, int Seconds, string? IdempotencyKey)
    : ICommand<Result<ReservationResponse>>;
