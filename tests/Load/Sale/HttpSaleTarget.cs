using System.Diagnostics;
using Reservations.Application.Holds;
using Reservations.Application.Products.Ledger;
using Reservations.Domain.Holds;

namespace Reservations.Load.Sale;

/// <summary>
/// The sale over HTTP against a running API and Worker. Quiet means every abandoned hold has expired and the Worker
/// has persisted every purchase; then the ledgers, the holds and the orders are checked (<see cref="SaleChecks"/>).
/// </summary>
public sealed class HttpSaleTarget(SaleOptions options, HttpClient http) : ISaleTarget
{
    private readonly SaleApi _api = new(http);
    private readonly ITokenSource _tokenSource = TokenSources.For(options, http);
    private readonly List<Guid> _products = [];
    private string[] _tokens = [];
    private string _admin = string.Empty;

    public async Task<IReadOnlyList<Guid>> PrepareAsync(CancellationToken cancellationToken)
    {
        _admin = await _tokenSource.TokenAsync("bench-admin", "admin");
        var run = Guid.NewGuid().ToString("N")[..8];
        var saleId = options.CartLines > 1 ? $"bench-{run}" : null;
        for (var i = 0; i < options.Products; i++)
        {
            _products.Add(await _api.CreateProductAsync(_admin, $"BENCH-{run}-{i}", options.Stock, options.HoldSeconds, saleId));
        }

        _tokens = new string[options.Customers];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Customers),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (i, _) => _tokens[i] = await _tokenSource.TokenAsync($"bench-{run}-{i}"));
        return _products;
    }

    public async Task<(int Status, SaleHold? Hold)> ReserveAsync(int customer, IReadOnlyList<SaleLine> lines)
    {
        var (status, hold) = await _api.ReserveAsync(_tokens[customer], lines);
        return (status, hold is null ? null : new SaleHold(hold.Id, customer, LinesOf(hold)));
    }

    public Task<int> PurchaseAsync(SaleHold hold) => _api.PurchaseAsync(_tokens[hold.Customer], hold.Id);

    public Task<int> ReleaseAsync(SaleHold hold) => _api.ReleaseAsync(_tokens[hold.Customer], hold.Id);

    public async Task<SaleFindings> FinishAsync(IReadOnlyCollection<SaleHold> purchased, int failedRequests, CancellationToken cancellationToken)
    {
        var ledgers = await WaitForQuietAsync(cancellationToken);
        var observation = await ObserveAsync(ledgers, purchased, failedRequests);
        return new SaleFindings(
            observation,
            $"Sold {ledgers.Values.Sum(l => l.Sold)} of {options.Products * options.Stock} units in {purchased.Count} purchases; {observation.OrdersListed} orders listed.",
            "no oversell, every ledger balanced and quiet, orders = purchases, every purchase completed, no 5xx"
                + (options.CartLines > 1 ? ", every purchased cart whole (each of its lines read back and sold)" : string.Empty),
            SaleChecks.Violations(observation));
    }

    // Quiet: nothing held (abandoned holds expired) and nothing purchasing (the Worker persisted every purchase).
    private async Task<Dictionary<Guid, LedgerResponse>> WaitForQuietAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * (options.HoldSeconds + 60L);
        while (true)
        {
            var ledgers = new Dictionary<Guid, LedgerResponse>();
            foreach (var product in _products)
            {
                ledgers[product] = await _api.LedgerAsync(_admin, product);
            }

            if (ledgers.Values.All(l => l is { Held: 0, Purchasing: 0 }) || Stopwatch.GetTimestamp() > deadline)
            {
                return ledgers;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private async Task<SaleObservation> ObserveAsync(
        Dictionary<Guid, LedgerResponse> ledgers, IReadOnlyCollection<SaleHold> purchased, int failedRequests)
    {
        var notCompleted = 0;
        var notWhole = 0;
        await Parallel.ForEachAsync(purchased, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (hold, _) =>
        {
            var reservation = await _api.ReservationAsync(_tokens[hold.Customer], hold.Id);
            if (reservation.Status != HoldStatus.Completed)
            {
                Interlocked.Increment(ref notCompleted);
            }

            if (!hold.IsRecordedAs(LinesOf(reservation)))
            {
                Interlocked.Increment(ref notWhole);
            }
        });
        var orders = 0;
        await Parallel.ForEachAsync(purchased.Select(h => h.Customer).Distinct(),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
            async (customer, _) => Interlocked.Add(ref orders, await _api.OrderCountAsync(_tokens[customer])));
        return new SaleObservation(
            ledgers, SaleChecks.UnitsByProduct(purchased), purchased.Count, orders, notCompleted, notWhole, failedRequests);
    }

    private static SaleLine[] LinesOf(ReservationResponse reservation) =>
        [.. reservation.Items.Select(i => new SaleLine(i.ProductId, i.Quantity))];
}
