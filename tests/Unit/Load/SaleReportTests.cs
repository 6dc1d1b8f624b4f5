using Reservations.Load.Sale;

namespace Reservations.UnitTests.Load;

public class SaleReportTests
{
    // 9 reserves taken, 4 carts of 2 lines purchased with 12 units in all.
    private static SaleResult Result(int cartLines) => new(new SaleOptions { CartLines = cartLines }, TimeSpan.FromSeconds(3),
        new Dictionary<(string, int), int> { [(SaleMetrics.Reserve, SaleStatus.Reserved)] = 9, [(SaleMetrics.Reserve, 409)] = 2 },
        SaleMetrics.Operations.ToDictionary(o => o, _ => new Percentiles(9, 1, 2, 5, 8, 13)),
        SaleMetrics.Operations.ToDictionary(o => o, _ => new[] { 3, 0, 6 }),
        Purchases: 4,
        PurchasedUnits: 12,
        new SaleFindings(new { }, "Sold 12 units.", "nothing", []));

    [Fact]
    public void Summary_OfACartSale_CountsTheCartsAndTheUnitsPerLine() =>
        SaleReport.Summary(Result(cartLines: 2)).Should()
            .Contain("Carts of 2 lines: 9 reserved, 4 purchased, 1.50 units per purchased cart line.");

    [Fact]
    public void Summary_OfASingleProductSale_SaysNothingOfCarts() =>
        SaleReport.Summary(Result(cartLines: 1)).Should().NotContain("Carts");
}
