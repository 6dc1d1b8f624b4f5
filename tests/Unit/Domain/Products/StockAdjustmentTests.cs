using Reservations.Domain.Products;

namespace Reservations.UnitTests.Domain.Products;

public class StockAdjustmentTests
{
    private static readonly Guid Product = Guid.CreateVersion7();

    [Fact]
    public void New_IsPending_WithItsOwnId()
    {
        var a = Adjustment(5);
        var b = Adjustment(5);

        a.Status.Should().Be(StockAdjustmentStatus.Pending);
        a.Id.Should().NotBe(b.Id);
    }

    [Fact]
    public void IsSameRequestAs_ARetryOfTheSameBody_IsTrue() =>
        Adjustment(5, "recount", "key", 100).IsSameRequestAs(Adjustment(5, "recount", "key", 100)).Should().BeTrue();

    [Theory]
    [InlineData(6, "recount", 100)]
    [InlineData(5, null, 100)]
    [InlineData(5, "recount", null)]
    [InlineData(5, "recount", 101)]
    public void IsSameRequestAs_AnotherBodyUnderTheKey_IsFalse(int delta, string? reason, int? expected) =>
        Adjustment(5, "recount", "key", 100).IsSameRequestAs(Adjustment(delta, reason, "key", expected)).Should().BeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("tab\tkey")]
    public void New_WithAnInvalidKey_Throws(string key)
    {
        var create = () => Adjustment(1, key: key);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static StockAdjustment Adjustment(int delta, string? reason = null, string? key = null, int? expected = null) =>
        new(Product, delta, "admin", reason, DateTimeOffset.UtcNow, key, expected);
}
