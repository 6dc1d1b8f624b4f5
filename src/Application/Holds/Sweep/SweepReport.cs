namespace Reservations.Application.Holds.Sweep;

public sealed record SweepReport(IReadOnlyList<TimeSpan> ExpiryDelays, IReadOnlyList<int> FailedShards);
