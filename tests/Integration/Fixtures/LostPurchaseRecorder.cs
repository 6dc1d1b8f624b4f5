using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Captures the "reservations.purchase.lost" counter: how many purchases each stream lost.</summary>
public sealed class LostPurchaseRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byStream = new();

    public LostPurchaseRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "Reservations", Name: "reservations.purchase.lost" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "stream")
                {
                    _byStream.AddOrUpdate((string)tag.Value!, value, (_, sum) => sum + value);
                }
            }
        });
        _listener.Start();
    }

    public long Of(string stream) => _byStream.GetValueOrDefault(stream);

    public void Dispose() => _listener.Dispose();
}
