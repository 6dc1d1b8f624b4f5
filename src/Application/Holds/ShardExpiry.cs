namespace Reservations.Application.Holds;

public sealed record ShardExpiry(IReadOnlyList<TimeSpan> Delays, IReadOnlyList<QuarantinedHold> Quarantined);

public sealed record QuarantinedHold(string HoldId, string Reason);
