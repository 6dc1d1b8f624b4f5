using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Holds.Get;

/// <summary>A hold for its owner, or for an admin.</summary>
public sealed record GetHoldQuery(Guid HoldId, string CustomerId, bool IsAdmin) : IQuery<Result<ReservationResponse>>;
