namespace Reservations.Application.Purchases;

/// <summary>The API's order; its id is its hold's id. <see cref="ProductId"/>, <see cref="Quantity"/> and
/// <see cref="UnitPrice"/> repeat the line of a single-product order and are null for a cart's.</summary>
public sealed record OrderResponse(
    Guid Id,
    Guid? ProductId,
    string CustomerId,
    int? Quantity,
    decimal? UnitPrice,
    IReadOnlyList<OrderItemResponse> Items,
    decimal Total,
    DateTimeOffset PurchasedAt)
{
    // Records compare lists by reference: two orders are equal when their items are, in order.
    public bool Equals(OrderResponse? other) =>
        other is not null && Id == other.Id && ProductId == other.ProductId && CustomerId == other.CustomerId
        && Quantity == other.Quantity && UnitPrice == other.UnitPrice && Items.SequenceEqual(other.Items) && Total == other.Total
        && PurchasedAt == other.PurchasedAt;

    public override int GetHashCode() => HashCode.Combine(Id, CustomerId, PurchasedAt);
}

public sealed record OrderItemResponse(Guid ProductId, int Quantity, decimal UnitPrice);
