using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>One measurement of an observable instrument: its value and tags.</summary>
public sealed record GaugeReading(string Instrument, long Value, IReadOnlyDictionary<string, object?> Tags);

public static class GaugeReadings
{
    /// <summary>
    /// Collects, once, every observable instrument of the host's own meters (those its <see cref="IMeterFactory"/>
    /// made, so the other hosts of the test run are left out).
    /// </summary>
    public static IReadOnlyList<GaugeReading> Collect(IHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var readings = new List<GaugeReading>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => readings.Add(Reading(instrument, value, tags)));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => readings.Add(Reading(instrument, value, tags)));
        listener.Start();
        listener.RecordObservableInstruments();
        return readings;
    }

    private static GaugeReading Reading(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        new(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value));
}
