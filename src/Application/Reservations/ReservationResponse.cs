using Reservations.Domain.Reservations;

namespace Reservations.Application.Reservations;

public sealed record ReservationResponse(
    Guid Id,
    Guid ProductId,
    string CustomerId,
    int Quantity,
    decimal UnitPrice,
    HoldStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
