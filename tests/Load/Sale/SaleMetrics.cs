using System.Collections.Concurrent;
using System.Diagnostics;
using Reservations.Load.Sale.Progress;

namespace Reservations.Load.Sale;

/// <summary>What the sale's requests did, recorded as each completes: statuses, latencies and completions per second, by operation.</summary>
public sealed class SaleMetrics
{
    public const string Reserve = "reserve";
    public const string Purchase = "purchase";
    public const string Release = "release";

    public static readonly IReadOnlyList<string> Operations = [Reserve, Purchase, Release];

    private readonly Dictionary<string, LatencyRecorder> _latencies = Operations.ToDictionary(o => o, _ => new LatencyRecorder());
    private readonly ConcurrentDictionary<(string Operation, int Status), int> _statuses = new();
    private readonly ThroughputSeries _completed = new();
    private long _started = Stopwatch.GetTimestamp();

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public IReadOnlyDictionary<(string Operation, int Status), int> Statuses => _statuses.ToDictionary();

    public int Failures => _statuses.Where(s => SaleStatus.IsFailure(s.Key.Status)).Sum(s => s.Value);

    /// <summary>Starts the clock of the per-second series and of the progress figures.</summary>
    public void Start() => _started = Stopwatch.GetTimestamp();

    public void Record(string operation, int status, long requestStarted)
    {
        var now = Stopwatch.GetTimestamp();
        // A request that got no answer has no latency to report; it is counted, and fails the run.
        if (status != SaleStatus.NoAnswer)
        {
            _latencies[operation].Record(Stopwatch.GetElapsedTime(requestStarted, now));
        }

        _statuses.AddOrUpdate((operation, status), 1, (_, n) => n + 1);
        _completed.Add(operation, Stopwatch.GetElapsedTime(_started, now));
    }

    public IReadOnlyDictionary<string, Percentiles> Latencies() =>
        Operations.ToDictionary(o => o, o => _latencies[o].Report());

    public IReadOnlyDictionary<string, int[]> CompletedPerSecond(TimeSpan selling) =>
        Operations.ToDictionary(o => o, o => _completed.PerSecond(o, selling));

    /// <summary>The counters so far, with the reserve latencies since the previous snapshot.</summary>
    public ProgressSnapshot Snapshot() => new(Elapsed, Statuses, _latencies[Reserve].ReportInterval());
}
