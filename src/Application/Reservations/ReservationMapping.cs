using Reservations.Domain.Reservations;

namespace Reservations.Application.Reservations;

public static class ReservationMapping
{
    public static ReservationResponse ToResponse(this Hold hold) => new(
        hold.Id,
        hold.SingleLine?.ProductId,
        hold.Customer.Value,
        hold.SingleLine?.Quantity.Value,
        hold.SingleLine?.UnitPrice,
        [.. hold.Lines.Select(line => new ReservationItemResponse(line.ProductId, line.Quantity.Value, line.UnitPrice))],
        hold.Total,
        hold.Status,
        hold.CreatedAt,
        hold.ExpiresAt);
}
