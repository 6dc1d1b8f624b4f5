namespace Reservations.Application.Common.Ports;

/// <summary>What one sweep did: how long past its deadline each expired hold was released.</summary>
public sealed record SweepReport(IReadOnlyList<TimeSpan> ExpiryDelays);
