namespace Reservations.Application.Holds;

/// <summary>
/// What expiring a shard's due holds did: how long past its deadline each expired hold was released, and which due
/// holds were set aside in the shard's quarantine stream instead.
/// </summary>
public sealed record ShardExpiry(IReadOnlyList<TimeSpan> Delays, IReadOnlyList<QuarantinedHold> Quarantined);

/// <summary>A due hold that could not be given back (its value unreadable, or its product without the stock to take it).</summary>
public sealed record QuarantinedHold(string HoldId, string Reason);
