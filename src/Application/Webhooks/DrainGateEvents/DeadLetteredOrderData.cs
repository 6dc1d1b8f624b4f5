namespace Reservations.Application.Webhooks.DrainGateEvents;

/// <summary>The data of an <c>order.dead_lettered</c> event: the order as <c>GET /api/orders/{id}</c> returns it
/// (<see cref="Purchases.OrderResponse"/>, property for property) and why PostgreSQL refused it.</summary>
public sealed record DeadLetteredOrderData(
    Guid Id, Guid? ProductId, string CustomerId, int? Quantity, decimal? UnitPrice, IReadOnlyList<Purchases.OrderItemResponse> Items,
    decimal Total, DateTimeOffset PurchasedAt, string Reason);
