namespace Reservations.Domain.Purchases;

/// <summary>
/// One line of a completed purchase (an order): a single-product order has one, a cart's has one per product. The
/// order's id is the id of the reservation it came from; <see cref="Line"/> numbers its lines from 0.
/// </summary>
public sealed class Purchase
{
    private Purchase()
    {
        CustomerId = string.Empty;
    }

    public Guid Id { get; private set; }
    public short Line { get; private set; }
    public Guid ProductId { get; private set; }
    public string CustomerId { get; private set; }
    public int Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public DateTimeOffset PurchasedAt { get; private set; }

    /// <summary>When the reservation was made; null for orders persisted before this was kept.</summary>
    public DateTimeOffset? ReservedAt { get; private set; }

    /// <summary>The reservation's deadline; null for orders persisted before this was kept.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }
}
