using System.Globalization;

namespace Reservations.Load.Sale.Progress;

/// <summary>
/// What the progress display shows: requests done, outcomes by operation and status, and since the previous figures
/// the rate and the reserve p50/p99 (null when no reserve completed in between).
/// </summary>
public sealed record ProgressFigures(
    TimeSpan Elapsed,
    int Completed,
    double RequestsPerSecond,
    IReadOnlyList<OperationOutcomes> Outcomes,
    double? ReserveP50,
    double? ReserveP99)
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
            current.Reserve.Count > 0 ? current.Reserve.P50 : null,
            current.Reserve.Count > 0 ? current.Reserve.P99 : null);
    }

    /// <summary>One line for output that is not a terminal.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Elapsed.TotalSeconds,5:0.0} s  {Completed:N0} requests  {RequestsPerSecond:N0}/s  " +
        $"{string.Join("  ", Outcomes.Select(o => $"{o.Operation} {o.Describe()}"))}  " +
        $"reserve p50 {Ms(ReserveP50)} p99 {Ms(ReserveP99)}");

    public static string Ms(double? milliseconds) =>
        milliseconds is { } ms ? string.Create(CultureInfo.InvariantCulture, $"{ms:0.00} ms") : "-";
}
