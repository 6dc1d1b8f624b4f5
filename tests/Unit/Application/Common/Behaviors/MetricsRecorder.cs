using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Reservations.UnitTests.Application.Common.Behaviors;

/// <summary>
/// Listens to the "Reservations" meter and keeps the measurements tagged with one use case. Listeners see the whole
/// process, so the use-case filter keeps tests that run in parallel out of each other's way.
/// </summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly string _useCase;

    public MetricsRecorder(string useCase)
    {
        _useCase = useCase;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Reservations")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, object?>();
        foreach (var (key, tagValue) in tags)
        {
            copied[key] = tagValue;
        }

        if (Equals(copied.GetValueOrDefault("use_case"), _useCase))
        {
            _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copied));
        }
    }
}

internal sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
