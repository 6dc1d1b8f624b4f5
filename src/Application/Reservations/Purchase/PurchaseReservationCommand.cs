using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Reservations.Purchase;

public sealed record PurchaseReservationCommand(string CustomerId, Guid ReservationId) : ICommand<Result<ReservationResponse>>;
