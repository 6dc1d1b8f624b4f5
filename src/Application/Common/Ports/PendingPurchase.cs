namespace Reservations.Application.Common.Ports;

/// <summary>
/// A purchase acknowledged by the gate and waiting to be persisted; <see cref="EntryId"/> is its queue entry.
/// <see cref="ReservedAt"/> and <see cref="ExpiresAt"/> are its hold's, unknown for entries written before the gate
/// recorded them.
/// </summary>
public sealed record PendingPurchase(
    string EntryId, Guid ReservationId, Guid ProductId, string CustomerId, int Quantity, decimal UnitPrice, DateTimeOffset PurchasedAt,
    DateTimeOffset? ReservedAt = null, DateTimeOffset? ExpiresAt = null);
