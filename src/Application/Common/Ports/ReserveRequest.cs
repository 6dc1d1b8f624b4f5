using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;

namespace Reservations.Application.Common.Ports;

/// <summary>A request for a hold. The idempotency key, when given, makes retries of the same request answer the same.</summary>
public sealed record ReserveRequest(Guid ProductId, CustomerId Customer, Quantity Quantity, string? IdempotencyKey)
{
    /// <summary>How long the hold lasts, at most the product's hold seconds; null: the product's hold seconds.</summary>
    public int? HoldSeconds { get; init; }
}
