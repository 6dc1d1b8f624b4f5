using Reservations.Application.Products.Ledger;

namespace Reservations.Load.Sale;

/// <summary>
/// What the sale looked like once quiet: every product's ledger, and what the simulator saw (units of the purchases
/// that succeeded, per product, every line of a cart counted). Not whole: purchased holds the API reads back with
/// other lines than they were reserved with.
/// </summary>
public sealed record SaleObservation(
    IReadOnlyDictionary<Guid, LedgerResponse> Ledgers,
    IReadOnlyDictionary<Guid, int> PurchasedUnits,
    int Purchases,
    int OrdersListed,
    int PurchasedHoldsNotCompleted,
    int PurchasedHoldsNotWhole,
    int ServerErrors);

/// <summary>The invariants a sale must keep; any violation fails the run.</summary>
public static class SaleChecks
{
    /// <summary>The units of the purchased holds, per product: each line of a cart counts for its product.</summary>
    public static Dictionary<Guid, int> UnitsByProduct(IEnumerable<SaleHold> purchased) =>
        purchased.SelectMany(h => h.Lines).GroupBy(l => l.ProductId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));

    public static IReadOnlyList<string> Violations(SaleObservation sale)
    {
        var violations = new List<string>();
        foreach (var (product, ledger) in sale.Ledgers)
        {
            if (ledger.Sold > ledger.TotalStock)
            {
                violations.Add($"product {product}: {ledger.Sold} sold of {ledger.TotalStock} (oversold)");
            }

            if (ledger.TotalStock != ledger.Available + ledger.Held + ledger.Purchasing + ledger.Sold || !ledger.Balanced)
            {
                violations.Add($"product {product}: ledger out of balance ({ledger})");
            }

            if (ledger.Held != 0 || ledger.Purchasing != 0)
            {
                violations.Add($"product {product}: not quiet ({ledger.Held} held, {ledger.Purchasing} purchasing)");
            }

            var purchased = sale.PurchasedUnits.GetValueOrDefault(product);
            if (ledger.Sold != purchased)
            {
                violations.Add($"product {product}: {ledger.Sold} units sold, but purchases of {purchased} units succeeded");
            }
        }

        if (sale.OrdersListed != sale.Purchases)
        {
            violations.Add($"{sale.OrdersListed} orders listed, but {sale.Purchases} purchases succeeded");
        }

        if (sale.PurchasedHoldsNotCompleted > 0)
        {
            violations.Add($"{sale.PurchasedHoldsNotCompleted} purchased holds did not end completed");
        }

        if (sale.PurchasedHoldsNotWhole > 0)
        {
            violations.Add($"{sale.PurchasedHoldsNotWhole} purchased holds do not carry every line they were reserved with");
        }

        if (sale.ServerErrors > 0)
        {
            violations.Add($"{sale.ServerErrors} requests answered 5xx or got no answer");
        }

        return violations;
    }
}
