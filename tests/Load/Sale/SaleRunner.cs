using System.Collections.Concurrent;
using System.Diagnostics;
using Reservations.Load.Sale.Progress;

namespace Reservations.Load.Sale;

/// <summary>
/// Runs a flash sale against a target: customers reserve (one product or a cart), then purchase, release or abandon
/// their holds, until the request cap or the duration; then the target waits for quiet and checks the invariants.
/// </summary>
public sealed class SaleRunner(SaleOptions options, ISaleTarget target, IProgressDisplay progress, TextWriter log)
{
    private readonly SaleMetrics _metrics = new();
    private readonly ConcurrentBag<SaleHold> _purchased = [];

    public async Task<SaleResult> RunAsync(CancellationToken cancellationToken)
    {
        var products = await target.PrepareAsync(cancellationToken);
        var carts = options.CartLines > 1 ? $" in carts of {options.CartLines} lines" : string.Empty;
        log.WriteLine($"{options.Products} products × {options.Stock} units, {options.Customers} customers{carts}; selling…");

        _metrics.Start();
        using var sold = new CancellationTokenSource();
        var showing = progress.ShowAsync(_metrics.Snapshot, sold.Token);
        TimeSpan selling;
        try
        {
            selling = await SellAsync(products, cancellationToken);
        }
        finally
        {
            await sold.CancelAsync();
            await showing;
        }

        log.WriteLine($"selling took {selling.TotalSeconds:0.0} s; waiting for quiet…");

        var findings = await target.FinishAsync(_purchased, _metrics.Failures, cancellationToken);
        return new SaleResult(options, selling, _metrics.Statuses, _metrics.Latencies(), _metrics.CompletedPerSecond(selling),
            _purchased.Count, _purchased.Sum(h => h.Lines.Sum(l => l.Quantity)), findings);
    }

    private async Task<TimeSpan> SellAsync(IReadOnlyList<Guid> products, CancellationToken cancellationToken)
    {
        var reserves = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(unchecked((options.Seed * 7_919) + worker));
            while (Interlocked.Increment(ref reserves) <= options.Requests
                   && _metrics.Elapsed < options.Duration && !cancellationToken.IsCancellationRequested)
            {
                await SellOnceAsync(random, products);
            }
        }, cancellationToken)));
        return _metrics.Elapsed;
    }

    private async Task SellOnceAsync(Random random, IReadOnlyList<Guid> products)
    {
        var customer = random.Next(options.Customers);
        var fate = random.NextDouble();
        var lines = SaleCart.Choose(random, products, options.CartLines, options.MaxQuantity);
        var started = Stopwatch.GetTimestamp();
        var (status, hold) = await target.ReserveAsync(customer, lines);
        _metrics.Record(SaleMetrics.Reserve, status, started);
        if (hold is null)
        {
            return;
        }

        if (fate < options.PurchaseShare)
        {
            started = Stopwatch.GetTimestamp();
            status = await target.PurchaseAsync(hold);
            _metrics.Record(SaleMetrics.Purchase, status, started);
            if (status == SaleStatus.Purchased)
            {
                _purchased.Add(hold);
            }
        }
        else if (fate < options.PurchaseShare + options.ReleaseShare)
        {
            started = Stopwatch.GetTimestamp();
            _metrics.Record(SaleMetrics.Release, await target.ReleaseAsync(hold), started);
        }
    }
}
