using Reservations.Application.Purchases;

namespace Reservations.UnitTests.Application.Purchases;

internal static class TestPurchases
{
    public static readonly DateTimeOffset PurchasedAt = new(2026, 11, 25, 13, 10, 4, TimeSpan.Zero);

    public static OrderResponse Create(string customer = "alice", int quantity = 2) =>
        CreateOf(Guid.CreateVersion7(), customer, quantity);

    private static OrderResponse CreateOf(Guid productId, string customer, int quantity) =>
        new(Guid.CreateVersion7(), productId, customer, quantity, 49.90m, [new OrderItemResponse(productId, quantity, 49.90m)],
            49.90m * quantity, PurchasedAt);
}
