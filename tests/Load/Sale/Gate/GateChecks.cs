namespace Reservations.Load.Sale.Gate;

/// <summary>The invariants a gate-only sale must keep (those that need no HTTP and no Worker); any violation fails the run.</summary>
public static class GateChecks
{
    public const string Kept =
        "no oversell, every product's available + held + purchasing = its stock and nothing held, purchasing = units " +
        "of the purchases that succeeded, every purchased hold still purchased, no failed gate call";

    public static IReadOnlyList<string> Violations(GateObservation sale)
    {
        var violations = new List<string>();
        foreach (var (product, stock) in sale.Stocks)
        {
            if (stock is null)
            {
                violations.Add($"product {product}: no gate state");
                continue;
            }

            if (stock.Available < 0 || stock.Purchasing > sale.StockPerProduct)
            {
                violations.Add($"product {product}: {stock.Purchasing} purchasing of {sale.StockPerProduct}, {stock.Available} available (oversold)");
            }

            if (stock.Available + stock.Held + stock.Purchasing != sale.StockPerProduct)
            {
                violations.Add($"product {product}: gate stock out of balance ({stock}, stock {sale.StockPerProduct})");
            }

            if (stock.Held != 0)
            {
                violations.Add($"product {product}: not quiet ({stock.Held} held)");
            }

            var purchased = sale.PurchasedUnits.GetValueOrDefault(product);
            if (stock.Purchasing != purchased)
            {
                violations.Add($"product {product}: {stock.Purchasing} units purchasing, but purchases of {purchased} units succeeded");
            }
        }

        if (sale.PurchasedHoldsNoLongerPurchased > 0)
        {
            violations.Add($"{sale.PurchasedHoldsNoLongerPurchased} purchased holds are no longer purchased (expired or released after the purchase)");
        }

        if (sale.PurchasedHoldsNotWhole > 0)
        {
            violations.Add($"{sale.PurchasedHoldsNotWhole} purchased holds do not carry every line they were reserved with");
        }

        if (sale.FailedCalls > 0)
        {
            violations.Add($"{sale.FailedCalls} gate calls failed (Redis error or timeout)");
        }

        return violations;
    }
}
