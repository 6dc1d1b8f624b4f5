namespace Reservations.Load.Sale;

/// <summary>What one reserve asks for: distinct products of the sale, each 1..max units.</summary>
public static class SaleCart
{
    public static IReadOnlyList<SaleLine> Choose(Random random, IReadOnlyList<Guid> products, int lines, int maxQuantity)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lines, products.Count);
        var chosen = new List<SaleLine>(lines);
        while (chosen.Count < lines)
        {
            var product = products[random.Next(products.Count)];
            var quantity = random.Next(1, maxQuantity + 1);
            if (!chosen.Exists(l => l.ProductId == product))
            {
                chosen.Add(new SaleLine(product, quantity));
            }
        }

        return chosen;
    }
}
