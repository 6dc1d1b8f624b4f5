using System.Diagnostics;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.WebApi.Problems;
using StackExchange.Redis;

namespace Reservations.Load.Sale.Gate;

/// <summary>
/// The sale straight at the inventory gate: no HTTP, no Worker, each call answered with the status the API would give.
/// Quiet means every abandoned hold has expired, which the gate's sweep does here in the Worker's place.
/// </summary>
public sealed class GateSaleTarget(SaleOptions options, GateClient gate, string keyPrefix) : ISaleTarget
{
    private const decimal Price = 49.90m;

    private readonly List<Guid> _products = [];
    private CustomerId[] _customers = [];

    public async Task<IReadOnlyList<Guid>> PrepareAsync(CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var saleId = options.CartLines > 1 ? $"bench-{run}" : null;
        for (var i = 0; i < options.Products; i++)
        {
            var product = gate.NewProductId(saleId);
            var item = new InventoryItem(product, options.Stock, Price, null, options.HoldSeconds) { SaleId = saleId };
            await gate.InitializeAsync(item, cancellationToken);
            _products.Add(product);
        }

        _customers = [.. Enumerable.Range(0, options.Customers).Select(i => CustomerId.From($"bench-{run}-{i}"))];
        return _products;
    }

    public async Task<(int Status, SaleHold? Hold)> ReserveAsync(int customer, IReadOnlyList<SaleLine> lines)
    {
        var request = new ReserveRequest(
            [.. lines.Select(l => new ReserveLine(l.ProductId, Quantity.From(l.Quantity)))], _customers[customer], null);
        var (status, hold) = await AnswerAsync(() => gate.ReserveAsync(request, CancellationToken.None), SaleStatus.Reserved);
        return (status, hold is null ? null : new SaleHold(hold.Id, customer, LinesOf(hold)));
    }

    public async Task<int> PurchaseAsync(SaleHold hold) =>
        (await AnswerAsync(() => gate.PurchaseAsync(hold.Id, _customers[hold.Customer], CancellationToken.None), SaleStatus.Purchased)).Status;

    public async Task<int> ReleaseAsync(SaleHold hold) =>
        (await AnswerAsync(() => gate.ReleaseAsync(hold.Id, _customers[hold.Customer], CancellationToken.None), SaleStatus.Released)).Status;

    public async Task<SaleFindings> FinishAsync(IReadOnlyCollection<SaleHold> purchased, int failedRequests, CancellationToken cancellationToken)
    {
        var stocks = await WaitForQuietAsync(cancellationToken);
        var noLongerPurchased = 0;
        var notWhole = 0;
        await Parallel.ForEachAsync(purchased, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (hold, ct) =>
        {
            var found = await gate.FindAsync(hold.Id, ct);
            if (found?.Status != HoldStatus.Purchased)
            {
                Interlocked.Increment(ref noLongerPurchased);
            }

            if (found is not null && !hold.IsRecordedAs(LinesOf(found)))
            {
                Interlocked.Increment(ref notWhole);
            }
        });
        var observation = new GateObservation(keyPrefix, options.Stock, stocks, SaleChecks.UnitsByProduct(purchased),
            purchased.Count, noLongerPurchased, notWhole, failedRequests);
        return new SaleFindings(
            observation,
            $"Purchased {stocks.Values.Sum(s => s?.Purchasing ?? 0)} of {options.Products * options.Stock} units in {purchased.Count} purchases (gate only: nothing persists them).",
            GateChecks.Kept + (options.CartLines > 1 ? ", every purchased cart whole (each of its lines read back)" : string.Empty),
            GateChecks.Violations(observation));
    }

    private async Task<Dictionary<Guid, GateStock?>> WaitForQuietAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * (options.HoldSeconds + 60L);
        while (true)
        {
            await gate.ExpireDueAsync(cancellationToken);
            var stocks = new Dictionary<Guid, GateStock?>();
            foreach (var product in _products)
            {
                stocks[product] = await gate.GetStockAsync(product, cancellationToken);
            }

            if (stocks.Values.All(s => s is null or { Held: 0 }) || Stopwatch.GetTimestamp() > deadline)
            {
                return stocks;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static SaleLine[] LinesOf(Hold hold) => [.. hold.Lines.Select(l => new SaleLine(l.ProductId, l.Quantity.Value))];

    private static async Task<(int Status, T? Value)> AnswerAsync<T>(Func<Task<Result<T>>> call, int success)
    {
        try
        {
            var result = await call();
            return result.IsSuccess ? (success, result.Value) : (ErrorStatuses.Of(result.Error!.Kind), default);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return (SaleStatus.NoAnswer, default);
        }
    }
}
