using HdrHistogram;

namespace Reservations.Load.Sale;

/// <summary>
/// Latencies of one operation (reserve, purchase, release), recorded in microseconds from many threads without locks
/// (HdrHistogram's <see cref="Recorder"/>), and readable while they are being recorded.
/// </summary>
public sealed class LatencyRecorder
{
    // Up to ten minutes at three significant digits; anything longer is recorded as ten minutes.
    private const long HighestMicroseconds = 600_000_000;
    private const int Digits = 3;

    private readonly Recorder _recorder = new(1, HighestMicroseconds, Digits, (id, lowest, highest, digits) => new LongHistogram(id, lowest, highest, digits));
    private readonly LongHistogram _total = new(1, HighestMicroseconds, Digits);
    private readonly Lock _reading = new();

    public void Record(TimeSpan elapsed) => _recorder.RecordValue(Math.Clamp((long)elapsed.TotalMicroseconds, 1, HighestMicroseconds));

    /// <summary>Everything recorded so far.</summary>
    public Percentiles Report()
    {
        lock (_reading)
        {
            TakeInterval();
            return Percentiles.Of(_total);
        }
    }

    /// <summary>What was recorded since the previous report of either kind: the latencies of the moment.</summary>
    public Percentiles ReportInterval()
    {
        lock (_reading)
        {
            return Percentiles.Of(TakeInterval());
        }
    }

    private HistogramBase TakeInterval()
    {
        var interval = _recorder.GetIntervalHistogram();
        _total.Add(interval);
        return interval;
    }
}

/// <summary>Latency percentiles of one operation, in milliseconds.</summary>
public sealed record Percentiles(long Count, double P50, double P90, double P99, double P999, double Max)
{
    public static Percentiles Of(HistogramBase histogram) => histogram.TotalCount == 0
        ? new Percentiles(0, 0, 0, 0, 0, 0)
        : new Percentiles(
            histogram.TotalCount,
            Ms(histogram.GetValueAtPercentile(50)),
            Ms(histogram.GetValueAtPercentile(90)),
            Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetValueAtPercentile(99.9)),
            Ms(histogram.GetMaxValue()));

    private static double Ms(long microseconds) => microseconds / 1_000.0;
}
