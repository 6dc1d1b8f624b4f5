using System.Globalization;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Domain.Products;

public class MoneyTests
{
    public static TheoryData<decimal> ValidAmounts => [0m, 0.01m, 19.99m, 1.5m, 1.230m, Money.MaxValue];

    public static TheoryData<decimal> InvalidAmounts => [-0.01m, -1m, 0.001m, 19.999m, Money.MaxValue + 0.01m, decimal.MaxValue];

    [Theory]
    [MemberData(nameof(ValidAmounts))]
    public void IsValid_WhenNonNegativeWithTwoDecimalsAtMostMax_ReturnsTrue(decimal amount) =>
        Money.IsValid(amount).Should().BeTrue();

    [Theory]
    [MemberData(nameof(InvalidAmounts))]
    public void IsValid_WhenNegativeTooPreciseOrTooLarge_ReturnsFalse(decimal amount) =>
        Money.IsValid(amount).Should().BeFalse();

    [Fact]
    public void MaxValue_FitsNumeric12Scale2() => Money.MaxValue.Should().Be(9_999_999_999.99m);

    [Fact]
    public void From_WhenValid_KeepsAmount() => Money.From(12.5m).Amount.Should().Be(12.5m);

    [Fact]
    public void From_WhenTrailingZerosBeyondTwoDecimals_KeepsScaleTwo()
    {
        var amount = Money.From(1.230m).Amount;

        amount.Scale.Should().Be(2);
        amount.ToString(CultureInfo.InvariantCulture).Should().Be("1.23");
    }

    [Theory]
    [MemberData(nameof(InvalidAmounts))]
    public void From_WhenInvalid_ThrowsArgumentOutOfRange(decimal amount)
    {
        var act = () => Money.From(amount);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
