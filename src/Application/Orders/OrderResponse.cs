namespace Reservations.Application.Orders;

/// <summary>A completed purchase as PostgreSQL holds it; its id is the reservation's id.</summary>
public sealed record OrderResponse(
    Guid Id, Guid ProductId, string CustomerId, int Quantity, decimal UnitPrice, decimal Total, DateTimeOffset PurchasedAt);
