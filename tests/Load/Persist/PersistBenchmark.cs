using System.Diagnostics;
using System.Globalization;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products.Create;
using Reservations.Application.Products.Ledger;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Load.Persist;

/// <summary>
/// Puts <c>purchases</c> purchases of one product in the gate's stream (reserved and purchased through
/// the gate's port, 64 at a time), then starts a Worker and times it until nothing is left purchasing:
/// the rate at which one product's purchases reach PostgreSQL. Exits 1 unless every purchase is one order and the
/// ledger balances.
/// </summary>
internal sealed class PersistBenchmark(PersistenceHost host, string redis, string workerDll, int purchases)
{
    private const int Concurrency = 64;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public async Task<int> RunAsync()
    {
        var product = await host.Sender.Send(new CreateProductCommand("PERSIST-BENCH", "Persistence benchmark", 10m, purchases, HoldSeconds: 3600));
        var productId = product.Value.Id;
        var filled = Stopwatch.GetTimestamp();
        await PurchaseAllAsync(productId);
        Print($"persist: {purchases:N0} purchases of one product waiting in the stream (through the gate in {Stopwatch.GetElapsedTime(filled).TotalSeconds:0.00} s)");

        var (first, all) = await TimeWorkerAsync(productId);
        Print($"persist: Worker started; first order after {first.TotalSeconds:0.00} s, all {purchases:N0} persisted after {all.TotalSeconds:0.00} s");
        Print($"persist: {purchases / all.TotalSeconds:N0} purchases/s (Worker start included), {purchases / (all - first).TotalSeconds:N0} purchases/s from the first order");

        var ledger = (await host.Sender.Send(new GetProductLedgerQuery(productId))).Value;
        var orders = await host.PurchaseCountAsync(productId);
        Print($"ledger: total {ledger.TotalStock}, available {ledger.Available}, held {ledger.Held}, purchasing {ledger.Purchasing}, sold {ledger.Sold}, balanced {ledger.Balanced}; orders {orders}");
        return ledger is { Balanced: true, Purchasing: 0 } && ledger.Sold == purchases && orders == purchases ? 0 : 1;
    }

    private async Task PurchaseAllAsync(Guid productId)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < purchases; i = Interlocked.Increment(ref next))
            {
                var customer = CustomerId.From($"buyer-{i:D7}");
                var hold = await host.Gate.ReserveAsync(new ReserveRequest(productId, customer, Quantity.From(1), null), CancellationToken.None);
                var purchase = await host.Gate.PurchaseAsync(hold.Value.Id, customer, CancellationToken.None);
                if (!purchase.IsSuccess)
                {
                    throw new InvalidOperationException($"Purchase {i} failed: {purchase.Error}");
                }
            }
        }));
    }

    private async Task<(TimeSpan First, TimeSpan All)> TimeWorkerAsync(Guid productId)
    {
        using var worker = WorkerRun.Start(workerDll, host, redis);
        var started = Stopwatch.GetTimestamp();
        TimeSpan? first = null;
        while (Stopwatch.GetElapsedTime(started) < Timeout && !worker.HasExited)
        {
            var purchasing = (await host.Gate.GetStockAsync(productId, CancellationToken.None))!.Purchasing;
            var elapsed = Stopwatch.GetElapsedTime(started);
            first ??= purchasing < purchases ? elapsed : null;
            if (purchasing == 0)
            {
                return (first!.Value, elapsed);
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"The Worker did not persist {purchases:N0} purchases within {Timeout} (or it exited).");
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
