using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Reservations.Application.Common.Metrics;

namespace Reservations.Worker.Metrics;

/// <summary>
/// Gauges of each product's units and each shard's purchase backlog, reporting what <see cref="StockSampler"/> last
/// sampled: a collection never reads a store.
/// </summary>
public sealed class StockGauges
{
    private readonly ConcurrentDictionary<Guid, ProductSample> _products = new();
    private long[] _backlog = [];

    public StockGauges(IMeterFactory meters)
    {
        var meter = meters.Create(ReservationsMetrics.MeterName);
        meter.CreateObservableGauge("reservations.product.available", () => Measure(s => s.Stock.Available),
            description: "Units of the product available to reserve.");
        meter.CreateObservableGauge("reservations.product.held", () => Measure(s => s.Stock.Held),
            description: "Units of the product held by reservations.");
        meter.CreateObservableGauge("reservations.product.purchasing", () => Measure(s => s.Stock.Purchasing),
            description: "Units of the product purchased and not yet persisted.");
        meter.CreateObservableGauge("reservations.product.sold", () => Measure(s => s.Sold),
            description: "Units of the product sold (persisted orders).");
        meter.CreateObservableGauge("reservations.purchase.backlog", MeasureBacklog,
            description: "Purchases waiting in the shard's stream to be persisted.");
    }

    public void Record(ProductSample sample) => _products[sample.ProductId] = sample;

    public void KeepOnly(IReadOnlySet<Guid> productIds)
    {
        foreach (var productId in _products.Keys.Where(id => !productIds.Contains(id)))
        {
            _products.TryRemove(productId, out _);
        }
    }

    public void RecordBacklog(long[] waitingPerShard) => Volatile.Write(ref _backlog, waitingPerShard);

    private IEnumerable<Measurement<int>> Measure(Func<ProductSample, int> figure) =>
        _products.Values.Select(s => new Measurement<int>(figure(s), new TagList { { "product", s.ProductId.ToString() }, { "sku", s.Sku } }));

    private IEnumerable<Measurement<long>> MeasureBacklog() =>
        Volatile.Read(ref _backlog).Select((waiting, shard) => new Measurement<long>(waiting, new TagList { { "shard", shard } }));
}
