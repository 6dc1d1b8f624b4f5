using Reservations.Application.Purchases;

namespace Reservations.Application.Admin.DeadLetters;

/// <summary><see cref="ProductId"/>, <see cref="Quantity"/> and <see cref="UnitPrice"/> repeat the line of a
/// single-product purchase and are null for a cart's.</summary>
public sealed record DeadLetterResponse(
    Guid ReservationId,
    Guid? ProductId,
    string CustomerId,
    int? Quantity,
    decimal? UnitPrice,
    IReadOnlyList<OrderItemResponse> Items,
    DateTimeOffset PurchasedAt,
    string Reason)
{
    // Records compare lists by reference: two dead letters are equal when their items are, in order.
    public bool Equals(DeadLetterResponse? other) =>
        other is not null && ReservationId == other.ReservationId && ProductId == other.ProductId && CustomerId == other.CustomerId
        && Quantity == other.Quantity && UnitPrice == other.UnitPrice && Items.SequenceEqual(other.Items)
        && PurchasedAt == other.PurchasedAt && Reason == other.Reason;

    public override int GetHashCode() => HashCode.Combine(ReservationId, CustomerId, PurchasedAt, Reason);
}
