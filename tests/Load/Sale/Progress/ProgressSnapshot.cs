namespace Reservations.Load.Sale.Progress;

/// <summary>The sale's counters at one moment: time since it started, statuses by operation, and the reserve latencies since the previous snapshot.</summary>
public sealed record ProgressSnapshot(
    TimeSpan Elapsed,
    IReadOnlyDictionary<(string Operation, int Status), int> Statuses,
    Percentiles Reserve)
{
    public static readonly ProgressSnapshot Empty = new(TimeSpan.Zero, new Dictionary<(string, int), int>(), new Percentiles(0, 0, 0, 0, 0, 0));

    public int Completed => Statuses.Values.Sum();
}
