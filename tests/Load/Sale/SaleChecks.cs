using Reservations.Application.Products.Ledger;

namespace Reservations.Load.Sale;

/// <summary>
/// What the sale looked like once quiet: every product's ledger, and what the simulator saw (units of the purchases
/// that succeeded, per product).
/// </summary>
public sealed record SaleObservation(
    IReadOnlyDictionary<Guid, LedgerResponse> Ledgers,
    IReadOnlyDictionary<Guid, int> PurchasedUnits,
    int Purchases,
    int OrdersListed,
    int PurchasedHoldsNotCompleted,
    int ServerErrors);

/// <summary>The invariants a sale must keep; any violation fails the run.</summary>
public static class SaleChecks
{
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

        if (sale.ServerErrors > 0)
        {
            violations.Add($"{sale.ServerErrors} requests answered 5xx or got no answer");
        }

        return violations;
    }
}
