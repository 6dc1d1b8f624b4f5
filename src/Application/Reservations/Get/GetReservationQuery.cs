using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Reservations.Get;

/// <summary>A reservation for its owner, or for an admin.</summary>
public sealed record GetReservationQuery(Guid ReservationId, string CustomerId, bool IsAdmin) : IQuery<Result<ReservationResponse>>;
