using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Domain.Holds;

public class HoldTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 11, 25, 13, 20, 4, TimeSpan.Zero);

    [Fact]
    public void StatusAt_WhenHeldBeforeDeadline_IsHeld() =>
        HoldOf("alice", HoldStatus.Held).StatusAt(Deadline.AddTicks(-1)).Should().Be(HoldStatus.Held);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(86_400_000)]
    public void StatusAt_WhenHeldAtOrAfterDeadline_IsExpired(int millisecondsLate) =>
        HoldOf("alice", HoldStatus.Held).StatusAt(Deadline.AddMilliseconds(millisecondsLate)).Should().Be(HoldStatus.Expired);

    [Theory]
    [InlineData(HoldStatus.Purchased)]
    [InlineData(HoldStatus.Released)]
    [InlineData(HoldStatus.Expired)]
    [InlineData(HoldStatus.Completed)]
    public void StatusAt_WhenNotHeld_KeepsStatusBeforeAndAfterDeadline(HoldStatus status)
    {
        var hold = HoldOf("alice", status);

        hold.StatusAt(Deadline.AddSeconds(-1)).Should().Be(status);
        hold.StatusAt(Deadline.AddHours(1)).Should().Be(status);
    }

    [Fact]
    public void IsOwnedBy_WhenSameCustomer_ReturnsTrue() =>
        HoldOf("auth0|alice", HoldStatus.Held).IsOwnedBy(CustomerId.From("auth0|alice")).Should().BeTrue();

    [Theory]
    [InlineData("bob")]
    [InlineData("Alice")]
    [InlineData("alice ")]
    public void IsOwnedBy_WhenAnotherCustomer_ReturnsFalse(string other) =>
        HoldOf("alice", HoldStatus.Held).IsOwnedBy(CustomerId.From(other)).Should().BeFalse();

    private static Hold HoldOf(string customer, HoldStatus status) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), CustomerId.From(customer), Quantity.From(2), 49.90m, status,
            Deadline.AddMinutes(-10), Deadline);
}
