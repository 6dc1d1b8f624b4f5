using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Reservations.Purchase;

/// <summary>
/// The owner buys a held hold; with <paramref name="ForAnyOwner"/> (a payment service of the shop's own, role
/// <c>payments</c>) the caller buys it for whichever customer holds it.
/// </summary>
public sealed record PurchaseReservationCommand(string CustomerId, Guid ReservationId, bool ForAnyOwner = false)
    : ICommand<Result<ReservationResponse>>;
