using Reservations.Application.Products;
using Reservations.Load.Sale.Gate;

namespace Reservations.UnitTests.Load;

public class GateChecksTests
{
    private static readonly Guid Product = Guid.CreateVersion7();

    // 100 units: 90 purchasing from 60 purchases (nothing persists them at the gate), 10 back on sale.
    private static GateObservation Clean() => new(
        "sale0123", 100, Stocks(new GateStock(10, 0, 90, 0)), Units(90), Purchases: 60, PurchasedHoldsNoLongerPurchased: 0, PurchasedHoldsNotWhole: 0,
        FailedCalls: 0);

    [Fact]
    public void Violations_OfASaleThatKeptEveryInvariant_AreNone() =>
        GateChecks.Violations(Clean()).Should().BeEmpty();

    public static TheoryData<string, GateObservation, string> Broken => new()
    {
        { "oversold", Clean() with { Stocks = Stocks(new GateStock(-1, 0, 101, 0)), PurchasedUnits = Units(101) }, "oversold" },
        { "out of balance", Clean() with { Stocks = Stocks(new GateStock(11, 0, 90, 0)) }, "out of balance" },
        { "still holding", Clean() with { Stocks = Stocks(new GateStock(8, 2, 90, 0)) }, "not quiet" },
        { "purchasing more than was bought", Clean() with { PurchasedUnits = Units(89) }, "units purchasing" },
        { "a purchase booked to another product", Clean() with { PurchasedUnits = new Dictionary<Guid, int> { [Guid.CreateVersion7()] = 90 } }, "units purchasing" },
        { "no gate state", Clean() with { Stocks = Stocks(null) }, "no gate state" },
        { "a purchased hold expired", Clean() with { PurchasedHoldsNoLongerPurchased = 1 }, "no longer purchased" },
        { "a purchased cart read back without a line", Clean() with { PurchasedHoldsNotWhole = 1 }, "every line" },
        { "a failed call", Clean() with { FailedCalls = 3 }, "gate calls failed" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Violations_OfABrokenSale_NameWhatBroke(string broken, GateObservation sale, string expected) =>
        GateChecks.Violations(sale).Should().ContainSingle(broken).Which.Should().Contain(expected);

    private static Dictionary<Guid, GateStock?> Stocks(GateStock? stock) => new() { [Product] = stock };

    private static Dictionary<Guid, int> Units(int units) => new() { [Product] = units };
}
