using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Captures the "reservations.hold.expiry_delay" histogram: each released hold's delay and its path.</summary>
public sealed class ExpiryDelayRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public ExpiryDelayRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "Reservations", Name: "reservations.hold.expiry_delay" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "path")
                {
                    Delays.Add(((string)tag.Value!, value));
                }
            }
        });
        _listener.Start();
    }

    public ConcurrentBag<(string Path, double Ms)> Delays { get; } = [];

    public string Summary()
    {
        // One snapshot: a sweeper may still be recording while the summary is written.
        var delays = Delays.ToArray();
        var sorted = delays.Select(d => d.Ms).Order().ToArray();
        var byPath = string.Join(", ", delays.GroupBy(d => d.Path).Select(g => $"{g.Count()} by {g.Key}"));
        return sorted.Length == 0
            ? "no holds expired"
            : $"{sorted.Length} holds expired ({byPath}); delay past the deadline: median {sorted[sorted.Length / 2]:0} ms, worst {sorted[^1]:0} ms";
    }

    public void Dispose() => _listener.Dispose();
}
