using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Reservations.Release;

public sealed record ReleaseReservationCommand(string CustomerId, Guid ReservationId) : ICommand<Result<Unit>>;
