using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Reservations.Application.Common.Metrics;

namespace Reservations.UnitTests.Application.Holds;

/// <summary>
/// Keeps the measurements of one counter of the "Reservations" meter made on the async flow that created it, with
/// their tags: listeners see the whole process, the flow keeps parallel tests apart (as <see cref="ExpiryDelayRecorder"/>).
/// </summary>
internal sealed class CounterRecorder : IDisposable
{
    private static readonly AsyncLocal<CounterRecorder?> Active = new();

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedCount> _counts = new();

    public CounterRecorder(string counter)
    {
        Active.Value = this;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ReservationsMetrics.MeterName && instrument.Name == counter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Record(value, tags));
        _listener.Start();
    }

    public IReadOnlyList<RecordedCount> Counts => [.. _counts];

    public void Dispose() => _listener.Dispose();

    private void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!ReferenceEquals(Active.Value, this))
        {
            return;
        }

        var copied = new Dictionary<string, object?>();
        foreach (var (key, tagValue) in tags)
        {
            copied[key] = tagValue;
        }

        _counts.Enqueue(new RecordedCount(value, copied));
    }
}

internal sealed record RecordedCount(long Value, IReadOnlyDictionary<string, object?> Tags);
