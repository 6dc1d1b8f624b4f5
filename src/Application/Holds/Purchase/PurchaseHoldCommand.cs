using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Holds.Purchase;

/// <summary>The owner buys a held hold; with <paramref name="ForAnyOwner"/> (a payment service of the shop's own, role
/// <c>payments</c>) the caller buys it for whichever customer holds it.</summary>
public sealed record PurchaseHoldCommand(string CustomerId, Guid HoldId, bool ForAnyOwner = false)
    : ICommand<Result<ReservationResponse>>;
