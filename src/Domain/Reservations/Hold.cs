using Reservations.Domain.Customers;

namespace Reservations.Domain.Reservations;

/// <summary>A customer's time-bound claim on units of a product (a reservation), as the gate last recorded it.</summary>
public sealed record Hold(
    Guid Id,
    Guid ProductId,
    CustomerId Customer,
    Quantity Quantity,
    decimal UnitPrice,
    HoldStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The status a reader should see at <paramref name="now"/>: a held hold past its deadline is expired,
    /// even in the moment before the gate has given its stock back.</summary>
    public HoldStatus StatusAt(DateTimeOffset now) =>
        Status == HoldStatus.Held && now >= ExpiresAt ? HoldStatus.Expired : Status;

    public bool IsOwnedBy(CustomerId customer) => Customer == customer;
}
