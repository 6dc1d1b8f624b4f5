using Reservations.Domain.Holds;

namespace Reservations.Application.Holds;

/// <summary><see cref="ProductId"/>, <see cref="Quantity"/> and <see cref="UnitPrice"/> repeat the line of a
/// single-product hold and are null for a cart.</summary>
public sealed record ReservationResponse(
    Guid Id,
    Guid? ProductId,
    string CustomerId,
    int? Quantity,
    decimal? UnitPrice,
    IReadOnlyList<ReservationItemResponse> Items,
    decimal Total,
    HoldStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    // Records compare lists by reference: two responses are equal when their items are, in order.
    public bool Equals(ReservationResponse? other) =>
        other is not null && Id == other.Id && ProductId == other.ProductId && CustomerId == other.CustomerId
        && Quantity == other.Quantity && UnitPrice == other.UnitPrice && Items.SequenceEqual(other.Items) && Total == other.Total
        && Status == other.Status && CreatedAt == other.CreatedAt && ExpiresAt == other.ExpiresAt;

    public override int GetHashCode() => HashCode.Combine(Id, Status, CreatedAt, ExpiresAt);
}

public sealed record ReservationItemResponse(Guid ProductId, int Quantity, decimal UnitPrice);

public static class HoldMapping
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
