using Microsoft.Extensions.Options;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Tracing;
using Reservations.Application.Products;

namespace Reservations.Worker.Metrics;

/// <summary>
/// Reads every shard's purchase backlog and the gate stock of the next <see cref="WorkerOptions.StockSampleBatch"/>
/// products, round the catalog, so a large catalog costs the same per sample and is covered over several; the product
/// list and sold units are read from PostgreSQL every <see cref="WorkerOptions.StockCatalogRefresh"/>.
/// </summary>
public sealed partial class StockSampler(
    IServiceScopeFactory scopes, IStockGate gate, IPurchaseOutbox outbox, StockGauges gauges,
    IOptions<WorkerOptions> options, TimeProvider clock, ILogger<StockSampler> logger) : BackgroundService
{
    private const int CatalogPage = 1_000;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private List<CatalogEntry> _catalog = [];
    private long? _catalogReadAt;
    private int _next;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StockSampleInterval, clock);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        using var activity = ReservationsTracing.Source.StartActivity("sample stock");
        try
        {
            if (_catalogReadAt is not { } readAt || clock.GetElapsedTime(readAt) >= options.Value.StockCatalogRefresh)
            {
                await ReadCatalogAsync(cancellationToken);
            }

            await SampleProductsAsync(cancellationToken);
            gauges.RecordBacklog(await Task.WhenAll(
                Enumerable.Range(0, outbox.Shards).Select(shard => outbox.CountWaitingAsync(shard, cancellationToken))));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }

    private async Task ReadCatalogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ICatalog>();
        var entries = new List<CatalogEntry>();
        Domain.Products.Product? after = null;
        IReadOnlyList<Domain.Products.Product> page;
        do
        {
            page = await catalog.ListUpdatedSinceAsync(since: null, after, CatalogPage, cancellationToken);
            entries.AddRange(page.Select(p => new CatalogEntry(p.Id, p.Sku, p.Sold)));
            after = page.Count > 0 ? page[^1] : after;
        }
        while (page.Count == CatalogPage);

        _catalog = entries;
        _catalogReadAt = clock.GetTimestamp();
        _next = 0;
        gauges.KeepOnly(entries.Select(e => e.ProductId).ToHashSet());
    }

    private async Task SampleProductsAsync(CancellationToken cancellationToken)
    {
        var batch = _catalog.Skip(_next).Take(options.Value.StockSampleBatch).ToList();
        _next = _next + batch.Count >= _catalog.Count ? 0 : _next + batch.Count;
        var stocks = await Task.WhenAll(batch.Select(entry => gate.GetStockAsync(entry.ProductId, cancellationToken)));
        foreach (var (entry, stock) in batch.Zip(stocks))
        {
            if (stock is not null)
            {
                gauges.Record(new ProductSample(entry.ProductId, entry.Sku, stock, entry.Sold));
            }
        }
    }

    private sealed record CatalogEntry(Guid ProductId, string Sku, int Sold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling stock for the gauges failed; trying again on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
