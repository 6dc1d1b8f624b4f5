namespace Reservations.Domain.Purchases;

/// <summary>One line of a purchase (the API's order): a single-product purchase has one, a cart's has one per product.
/// The purchase's id is the id of the hold it came from; <see cref="Line"/> numbers its lines from 0.</summary>
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

    /// <summary>When the hold was taken; null for purchases persisted before this was kept.</summary>
    public DateTimeOffset? ReservedAt { get; private set; }

    /// <summary>The hold's deadline; null for purchases persisted before this was kept.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }
}
