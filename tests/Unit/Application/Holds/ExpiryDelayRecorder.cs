using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Reservations.Application.Common.Metrics;

namespace Reservations.UnitTests.Application.Holds;

/// <summary>
/// Keeps the "reservations.hold.expiry_delay" measurements made on the async flow that created it. Listeners see the
/// whole process; measurements are recorded synchronously on the caller's flow, so the flow keeps parallel tests apart.
/// </summary>
internal sealed class ExpiryDelayRecorder : IDisposable
{
    private static readonly AsyncLocal<ExpiryDelayRecorder?> Active = new();

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedDelay> _delays = new();

    public ExpiryDelayRecorder()
    {
        Active.Value = this;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ReservationsMetrics.MeterName && instrument.Name == "reservations.hold.expiry_delay")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Record(value, tags));
        _listener.Start();
    }

    public IReadOnlyList<RecordedDelay> Delays => [.. _delays];

    public void Dispose() => _listener.Dispose();

    private void Record(double milliseconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!ReferenceEquals(Active.Value, this))
        {
            return;
        }

        string? path = null;
        foreach (var (key, value) in tags)
        {
            path = key == "path" ? value as string : path;
        }

        _delays.Enqueue(new RecordedDelay(milliseconds, path));
    }
}

internal sealed record RecordedDelay(double Milliseconds, string? Path);
