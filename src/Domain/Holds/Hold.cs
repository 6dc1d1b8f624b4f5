using Reservations.Domain.Customers;

namespace Reservations.Domain.Holds;

/// <summary>A customer's time-bound claim on units of one or more products (the API's reservation; several lines: a
/// cart). Its lines share one deadline and status: the hold is purchased, released or expired whole.</summary>
public sealed record Hold(
    Guid Id,
    IReadOnlyList<HoldLine> Lines,
    CustomerId Customer,
    HoldStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public const int MaxLines = 20;

    public Hold(Guid id, Guid productId, CustomerId customer, Quantity quantity, decimal unitPrice, HoldStatus status,
        DateTimeOffset createdAt, DateTimeOffset expiresAt)
        : this(id, [new HoldLine(productId, quantity, unitPrice)], customer, status, createdAt, expiresAt)
    {
    }

    public HoldLine? SingleLine => Lines.Count == 1 ? Lines[0] : null;

    public decimal Total => Lines.Sum(line => line.Quantity.Value * line.UnitPrice);

    /// <summary>A held hold past its deadline reads as expired, even before the gate has given its stock back.</summary>
    public HoldStatus StatusAt(DateTimeOffset now) =>
        Status == HoldStatus.Held && now >= ExpiresAt ? HoldStatus.Expired : Status;

    public bool IsOwnedBy(CustomerId customer) => Customer == customer;

    // Records compare lists by reference: two holds are equal when their lines are, in order.
    public bool Equals(Hold? other) =>
        other is not null && Id == other.Id && Lines.SequenceEqual(other.Lines) && Customer == other.Customer
        && Status == other.Status && CreatedAt == other.CreatedAt && ExpiresAt == other.ExpiresAt;

    public override int GetHashCode() => HashCode.Combine(Id, Lines.Count, Customer, Status, CreatedAt, ExpiresAt);
}
