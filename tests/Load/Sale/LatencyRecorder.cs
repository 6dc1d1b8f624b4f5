using System.Diagnostics;
using HdrHistogram;

namespace Reservations.Load.Sale;

/// <summary>Latencies of one operation (reserve, purchase, release), recorded in microseconds from many threads.</summary>
public sealed class LatencyRecorder
{
    // Up to ten minutes at three significant digits; anything longer is recorded as ten minutes.
    private const long HighestMicroseconds = 600_000_000;

    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicroseconds, 3);

    public void Record(TimeSpan elapsed) =>
        _histogram.RecordValue(Math.Clamp((long)elapsed.TotalMicroseconds, 1, HighestMicroseconds));

    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetElapsedTime(startTimestamp));

    public Percentiles Report() => _histogram.TotalCount == 0
        ? new Percentiles(0, 0, 0, 0, 0, 0)
        : new Percentiles(
            _histogram.TotalCount,
            Ms(_histogram.GetValueAtPercentile(50)),
            Ms(_histogram.GetValueAtPercentile(90)),
            Ms(_histogram.GetValueAtPercentile(99)),
            Ms(_histogram.GetValueAtPercentile(99.9)),
            Ms(_histogram.GetMaxValue()));

    private static double Ms(long microseconds) => microseconds / 1_000.0;
}

/// <summary>Latency percentiles of one operation, in milliseconds.</summary>
public sealed record Percentiles(long Count, double P50, double P90, double P99, double P999, double Max);
