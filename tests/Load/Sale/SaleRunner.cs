using System.Collections.Concurrent;
using System.Diagnostics;
using Reservations.Application.Products.Ledger;
using Reservations.Domain.Reservations;

namespace Reservations.Load.Sale;

/// <summary>
/// Runs a flash sale against a running API: customers reserve, then purchase, release or abandon their holds; then it
/// waits until the Worker has persisted every purchase and every abandoned hold has expired, and checks the invariants.
/// </summary>
public sealed class SaleRunner(SaleOptions options, HttpClient http, TextWriter log)
{
    private readonly SaleApi _api = new(http);
    private readonly ConcurrentDictionary<Guid, (string Token, Guid ProductId, int Quantity)> _purchased = new();
    private readonly ConcurrentDictionary<long, int> _reservesPerSecond = new();

    public async Task<SaleResult> RunAsync(CancellationToken cancellationToken)
    {
        var admin = await _api.TokenAsync("bench-admin", "admin");
        var run = Guid.NewGuid().ToString("N")[..8];
        var products = new List<Guid>();
        for (var i = 0; i < options.Products; i++)
        {
            products.Add(await _api.CreateProductAsync(admin, $"BENCH-{run}-{i}", options.Stock, options.HoldSeconds));
        }

        var tokens = new string[options.Customers];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Customers),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (i, _) => tokens[i] = await _api.TokenAsync($"bench-{run}-{i}"));
        log.WriteLine($"{options.Products} products × {options.Stock} units, {options.Customers} customers; selling…");

        var started = Stopwatch.GetTimestamp();
        var reserves = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(unchecked((options.Seed * 7_919) + worker));
            while (Interlocked.Increment(ref reserves) <= options.Requests
                   && Stopwatch.GetElapsedTime(started) < options.Duration && !cancellationToken.IsCancellationRequested)
            {
                await SellOnceAsync(random, tokens, products, started);
            }
        }, cancellationToken)));
        var selling = Stopwatch.GetElapsedTime(started);
        log.WriteLine($"selling took {selling.TotalSeconds:0.0} s; waiting for quiet…");

        var ledgers = await WaitForQuietAsync(admin, products, cancellationToken);
        var observation = await ObserveAsync(ledgers);
        return new SaleResult(options, selling, _api.Statuses, new Dictionary<string, Percentiles>
        {
            ["reserve"] = _api.Reserves.Report(),
            ["purchase"] = _api.Purchases.Report(),
            ["release"] = _api.Releases.Report(),
        }, [.. _reservesPerSecond.OrderBy(p => p.Key).Select(p => p.Value)], observation, SaleChecks.Violations(observation));
    }

    private async Task SellOnceAsync(Random random, string[] tokens, List<Guid> products, long started)
    {
        var token = tokens[random.Next(tokens.Length)];
        var quantity = random.Next(1, options.MaxQuantity + 1);
        var fate = random.NextDouble();
        var hold = await _api.ReserveAsync(token, products[random.Next(products.Count)], quantity);
        _reservesPerSecond.AddOrUpdate((long)Stopwatch.GetElapsedTime(started).TotalSeconds, 1, (_, n) => n + 1);
        if (hold is null)
        {
            return;
        }

        if (fate < options.PurchaseShare)
        {
            if (await _api.PurchaseAsync(token, hold.Id))
            {
                _purchased[hold.Id] = (token, hold.ProductId, hold.Quantity);
            }
        }
        else if (fate < options.PurchaseShare + options.ReleaseShare)
        {
            await _api.ReleaseAsync(token, hold.Id);
        }
    }

    // Quiet: nothing held (abandoned holds expired) and nothing purchasing (the Worker persisted every purchase).
    private async Task<Dictionary<Guid, LedgerResponse>> WaitForQuietAsync(string admin, List<Guid> products, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * (options.HoldSeconds + 60L);
        while (true)
        {
            var ledgers = new Dictionary<Guid, LedgerResponse>();
            foreach (var product in products)
            {
                ledgers[product] = await _api.LedgerAsync(admin, product);
            }

            if (ledgers.Values.All(l => l is { Held: 0, Purchasing: 0 }) || Stopwatch.GetTimestamp() > deadline)
            {
                return ledgers;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private async Task<SaleObservation> ObserveAsync(Dictionary<Guid, LedgerResponse> ledgers)
    {
        var notCompleted = 0;
        await Parallel.ForEachAsync(_purchased, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (purchase, _) =>
        {
            if ((await _api.ReservationAsync(purchase.Value.Token, purchase.Key)).Status != HoldStatus.Completed)
            {
                Interlocked.Increment(ref notCompleted);
            }
        });
        var orders = 0;
        await Parallel.ForEachAsync(_purchased.Values.Select(p => p.Token).Distinct(),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
            async (token, _) => Interlocked.Add(ref orders, await _api.OrderCountAsync(token)));
        var serverErrors = _api.Statuses.Where(s => s.Key.Status is >= 500 or SaleApi.TransportError).Sum(s => s.Value);
        var purchasedUnits = _purchased.Values.GroupBy(p => p.ProductId).ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity));
        return new SaleObservation(ledgers, purchasedUnits, _purchased.Count, orders, notCompleted, serverErrors);
    }
}
