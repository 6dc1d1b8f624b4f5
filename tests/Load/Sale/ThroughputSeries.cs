using System.Collections.Concurrent;

namespace Reservations.Load.Sale;

/// <summary>Requests completed in each second of the sale, by operation.</summary>
public sealed class ThroughputSeries
{
    private readonly ConcurrentDictionary<(string Operation, int Second), int> _completed = new();

    public void Add(string operation, TimeSpan sinceStart) =>
        _completed.AddOrUpdate((operation, (int)sinceStart.TotalSeconds), 1, (_, n) => n + 1);

    /// <summary>One count per second of <paramref name="duration"/> (and of any later second with completions); seconds with none are zeros.</summary>
    public int[] PerSecond(string operation, TimeSpan duration)
    {
        var seconds = _completed.Keys.Select(k => k.Second + 1).Append((int)Math.Ceiling(duration.TotalSeconds)).Max();
        return [.. Enumerable.Range(0, seconds).Select(second => _completed.GetValueOrDefault((operation, second)))];
    }
}
