namespace Reservations.Application.Common.Ports;

/// <summary>
/// A purchase acknowledged by the gate and waiting to be persisted; <see cref="EntryId"/> is its queue entry.
/// <see cref="Lines"/> are its hold's, in order (one for a single-product hold, several for a cart).
/// <see cref="ReservedAt"/> and <see cref="ExpiresAt"/> are its hold's, unknown for entries written before the gate
/// recorded them. <see cref="TraceParent"/> is the W3C trace context of the purchase request, when it was traced.
/// </summary>
public sealed record PendingPurchase(
    string EntryId, Guid HoldId, string CustomerId, IReadOnlyList<PurchaseLine> Lines, DateTimeOffset PurchasedAt,
    DateTimeOffset? ReservedAt = null, DateTimeOffset? ExpiresAt = null, string? TraceParent = null)
{
    // Records compare lists by reference: two purchases are equal when their lines are, in order.
    public bool Equals(PendingPurchase? other) =>
        other is not null && EntryId == other.EntryId && HoldId == other.HoldId && CustomerId == other.CustomerId
        && Lines.SequenceEqual(other.Lines) && PurchasedAt == other.PurchasedAt && ReservedAt == other.ReservedAt
        && ExpiresAt == other.ExpiresAt && TraceParent == other.TraceParent;

    public override int GetHashCode() => HashCode.Combine(EntryId, HoldId, CustomerId, Lines.Count, PurchasedAt);
}
