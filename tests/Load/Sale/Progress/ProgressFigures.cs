using System.Globalization;

namespace Reservations.Load.Sale.Progress;

/// <summary>
/// What the progress display shows: requests done, the rate since the previous figures, outcomes by operation and
/// status, and the reserve p50/p99 so far.
/// </summary>
public sealed record ProgressFigures(
    TimeSpan Elapsed,
    int Completed,
    double RequestsPerSecond,
    IReadOnlyList<OperationOutcomes> Outcomes,
    double ReserveP50,
    double ReserveP99)
{
    public static ProgressFigures Between(ProgressSnapshot previous, ProgressSnapshot current)
    {
        var seconds = (current.Elapsed - previous.Elapsed).TotalSeconds;
        var outcomes = SaleMetrics.Operations
            .Select(operation => new OperationOutcomes(operation, [.. current.Statuses
                .Where(s => s.Key.Operation == operation).OrderBy(s => s.Key.Status).Select(s => (s.Key.Status, s.Value))]))
            .Where(o => o.Statuses.Count > 0);
        return new ProgressFigures(
            current.Elapsed,
            current.Completed,
            seconds > 0 ? (current.Completed - previous.Completed) / seconds : 0,
            [.. outcomes],
            current.Reserve.P50,
            current.Reserve.P99);
    }

    /// <summary>One line for output that is not a terminal.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Elapsed.TotalSeconds,5:0.0} s  {Completed:N0} requests  {RequestsPerSecond:N0}/s  " +
        $"{string.Join("  ", Outcomes.Select(o => $"{o.Operation} {o.Describe()}"))}  " +
        $"reserve p50 {ReserveP50:0.00} ms p99 {ReserveP99:0.00} ms");
}

/// <summary>How many requests of one operation got each status.</summary>
public sealed record OperationOutcomes(string Operation, IReadOnlyList<(int Status, int Count)> Statuses)
{
    public string Describe() => string.Join(" ", Statuses.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Status}:{s.Count}")));
}
