namespace Reservations.Domain.Purchases;

/// <summary>One line of a purchase (the API's order); the purchase's id is its hold's, and <see cref="Line"/> numbers
/// its lines from 0.</summary>
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

    // The hold's times: null for purchases persisted before they were kept.
    public DateTimeOffset? ReservedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
}
