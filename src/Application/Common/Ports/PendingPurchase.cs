namespace Reservations.Application.Common.Ports;

/// <summary>ReservedAt and ExpiresAt are unknown for entries written before the gate recorded them; TraceParent is the
/// purchase request's W3C trace context, when it was traced.</summary>
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
