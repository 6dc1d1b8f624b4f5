using Reservations.Application.Products.Ledger;

namespace Reservations.IntegrationTests.Fixtures;

public static class LedgerAssertions
{
    /// <summary>The ledger invariant: total = available + held + purchasing + sold, and nothing below zero.</summary>
    public static void ShouldBeBalanced(this LedgerResponse ledger)
    {
        ledger.Balanced.Should().BeTrue(ledger.ToString());
        ledger.TotalStock.Should().Be(ledger.Available + ledger.Held + ledger.Purchasing + ledger.Sold, ledger.ToString());
        ledger.Available.Should().BeGreaterThanOrEqualTo(0);
        ledger.Held.Should().BeGreaterThanOrEqualTo(0);
        ledger.Purchasing.Should().BeGreaterThanOrEqualTo(0);
    }
}
