using Reservations.Domain.Customers;

namespace Reservations.Domain.Holds;

/// <summary>
/// A customer's time-bound claim on units of one or more products (the API's reservation; with several lines, a
/// cart), as the gate last recorded it. Every line shares its deadline and status: it is purchased, released or expired
/// whole.
/// </summary>
public sealed record Hold(
    Guid Id,
    IReadOnlyList<HoldLine> Lines,
    CustomerId Customer,
    HoldStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The most lines a hold takes.</summary>
    public const int MaxLines = 20;

    public Hold(Guid id, Guid productId, CustomerId customer, Quantity quantity, decimal unitPrice, HoldStatus status,
        DateTimeOffset createdAt, DateTimeOffset expiresAt)
        : this(id, [new HoldLine(productId, quantity, unitPrice)], customer, status, createdAt, expiresAt)
    {
    }

    /// <summary>The one line of a single-product hold; null for a cart.</summary>
    public HoldLine? SingleLine => Lines.Count == 1 ? Lines[0] : null;

    /// <summary>What the hold costs: every line's quantity at its unit price.</summary>
    public decimal Total => Lines.Sum(line => line.Quantity.Value * line.UnitPrice);

    /// <summary>The status a reader should see at <paramref name="now"/>: a held hold past its deadline is expired,
    /// even in the moment before the gate has given its stock back.</summary>
    public HoldStatus StatusAt(DateTimeOffset now) =>
        Status == HoldStatus.Held && now >= ExpiresAt ? HoldStatus.Expired : Status;

    public bool IsOwnedBy(CustomerId customer) => Customer == customer;

    // Records compare lists by reference: two holds are equal when their lines are, in order.
    public bool Equals(Hold? other) =>
        other is not null && Id == other.Id && Lines.SequenceEqual(other.Lines) && Customer == other.Customer
        && Status == other.Status && CreatedAt == other.CreatedAt && ExpiresAt == other.ExpiresAt;

    public override int GetHashCode() => HashCode.Combine(Id, Lines.Count, Customer, Status, CreatedAt, ExpiresAt);
}
