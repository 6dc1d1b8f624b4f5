namespace Reservations.Application.Admin.DeadLetters;

public sealed record DeadLetterResponse(
    Guid ReservationId, Guid ProductId, string CustomerId, int Quantity, decimal UnitPrice, DateTimeOffset PurchasedAt, string Reason);
