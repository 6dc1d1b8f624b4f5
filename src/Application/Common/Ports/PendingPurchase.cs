namespace Reservations.Application.Common.Ports;

/// <summary>A purchase acknowledged by the gate and waiting to be persisted; <see cref="EntryId"/> is its queue entry.</summary>
public sealed record PendingPurchase(
    string EntryId, Guid ReservationId, Guid ProductId, string CustomerId, int Quantity, decimal UnitPrice, DateTimeOffset PurchasedAt);
