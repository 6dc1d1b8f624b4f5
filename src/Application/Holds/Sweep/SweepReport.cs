namespace Reservations.Application.Holds.Sweep;

/// <summary>
/// What one sweep did: how long past its deadline each expired hold was released, and the shards it could not sweep
/// (a corrupt key fails them the same way every time).
/// </summary>
public sealed record SweepReport(IReadOnlyList<TimeSpan> ExpiryDelays, IReadOnlyList<int> FailedShards);
