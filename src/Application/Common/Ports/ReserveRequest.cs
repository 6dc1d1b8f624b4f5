using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Application.Common.Ports;

/// <summary>A hold on one or more products (a cart), all or nothing. The idempotency key, when given, makes retries of
/// the same request answer the same.</summary>
public sealed record ReserveRequest(IReadOnlyList<ReserveLine> Lines, CustomerId Customer, string? IdempotencyKey)
{
    public ReserveRequest(Guid productId, CustomerId customer, Quantity quantity, string? idempotencyKey)
        : this([new ReserveLine(productId, quantity)], customer, idempotencyKey)
    {
    }

    /// <summary>How long the hold lasts, at most the hold seconds of each of its products; null: the shortest of them.</summary>
    public int? HoldSeconds { get; init; }

    // Records compare lists by reference: two requests are equal when their lines are, in order.
    public bool Equals(ReserveRequest? other) =>
        other is not null && Lines.SequenceEqual(other.Lines) && Customer == other.Customer
        && IdempotencyKey == other.IdempotencyKey && HoldSeconds == other.HoldSeconds;

    public override int GetHashCode() => HashCode.Combine(Lines.Count, Customer, IdempotencyKey, HoldSeconds);
}

public sealed record ReserveLine(Guid ProductId, Quantity Quantity);
