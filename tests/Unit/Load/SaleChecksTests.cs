using Reservations.Application.Products.Ledger;
using Reservations.Load.Sale;

namespace Reservations.UnitTests.Load;

public class SaleChecksTests
{
    private static readonly Guid Product = Guid.CreateVersion7();

    // 100 units: 90 sold in 60 purchases, 10 back on sale; every purchase completed and listed.
    private static SaleObservation Clean() => new(
        new Dictionary<Guid, LedgerResponse> { [Product] = new(100, 10, 0, 0, 0, 90, true) },
        Units(90), Purchases: 60, OrdersListed: 60, PurchasedHoldsNotCompleted: 0, PurchasedHoldsNotWhole: 0, ServerErrors: 0);

    [Fact]
    public void Violations_OfASaleThatKeptEveryInvariant_AreNone() =>
        SaleChecks.Violations(Clean()).Should().BeEmpty();

    public static TheoryData<string, SaleObservation, string> Broken => new()
    {
        { "oversold", Clean() with { Ledgers = Ledger(new(100, -1, 0, 0, 0, 101, true)), PurchasedUnits = Units(101) }, "oversold" },
        { "out of balance", Clean() with { Ledgers = Ledger(new(100, 11, 0, 0, 0, 90, false)) }, "out of balance" },
        { "balanced by its own word only", Clean() with { Ledgers = Ledger(new(100, 11, 0, 0, 0, 90, true)) }, "out of balance" },
        { "still holding", Clean() with { Ledgers = Ledger(new(100, 8, 2, 0, 0, 90, true)) }, "not quiet" },
        { "still persisting", Clean() with { Ledgers = Ledger(new(100, 10, 0, 3, 0, 87, true)), PurchasedUnits = Units(87) }, "not quiet" },
        { "sold more than was bought", Clean() with { PurchasedUnits = Units(89) }, "units sold" },
        { "a purchase booked to another product", Clean() with { PurchasedUnits = new Dictionary<Guid, int> { [Guid.CreateVersion7()] = 90 } }, "units sold" },
        { "an order missing", Clean() with { OrdersListed = 59 }, "orders listed" },
        { "a purchase never completed", Clean() with { PurchasedHoldsNotCompleted = 1 }, "did not end completed" },
        { "a purchased cart read back without a line", Clean() with { PurchasedHoldsNotWhole = 1 }, "every line" },
        { "a server error", Clean() with { ServerErrors = 2 }, "5xx" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Violations_OfABrokenSale_NameWhatBroke(string broken, SaleObservation sale, string expected) =>
        SaleChecks.Violations(sale).Should().ContainSingle(broken).Which.Should().Contain(expected);

    [Fact]
    public void Violations_OfAPurchasedCartWhoseLineIsMissingFromSold_NameThatLinesProduct()
    {
        var other = Guid.CreateVersion7();
        SaleHold[] purchased = [new(Guid.CreateVersion7(), 0, [new SaleLine(Product, 1), new SaleLine(other, 2)])];
        var sale = Clean() with
        {
            Ledgers = new Dictionary<Guid, LedgerResponse> { [Product] = new(100, 99, 0, 0, 0, 1, true), [other] = new(100, 100, 0, 0, 0, 0, true) },
            PurchasedUnits = SaleChecks.UnitsByProduct(purchased),
            Purchases = 1,
            OrdersListed = 1,
        };

        SaleChecks.Violations(sale).Should().ContainSingle().Which.Should().Be($"product {other}: 0 units sold, but purchases of 2 units succeeded");
    }

    [Fact]
    public void UnitsByProduct_CountsEveryLineOfEveryPurchasedCart()
    {
        var other = Guid.CreateVersion7();
        SaleHold[] purchased =
        [
            new(Guid.CreateVersion7(), 0, [new SaleLine(Product, 1), new SaleLine(other, 2)]),
            new(Guid.CreateVersion7(), 1, [new SaleLine(other, 3)]),
        ];

        SaleChecks.UnitsByProduct(purchased).Should().BeEquivalentTo(new Dictionary<Guid, int> { [Product] = 1, [other] = 5 });
    }

    private static Dictionary<Guid, LedgerResponse> Ledger(LedgerResponse ledger) => new() { [Product] = ledger };

    private static Dictionary<Guid, int> Units(int units) => new() { [Product] = units };
}
