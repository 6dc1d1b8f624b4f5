using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Holds.Get;

public sealed record GetHoldQuery(Guid HoldId, string CustomerId, bool IsAdmin) : IQuery<Result<ReservationResponse>>;
