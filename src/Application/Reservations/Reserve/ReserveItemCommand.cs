using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Reservations.Reserve;

public sealed record ReserveItemCommand(
    string CustomerId, Guid ProductId, int Quantity, string? IdempotencyKey, int? HoldSeconds = null)
    : ICommand<Result<ReservationResponse>>;
