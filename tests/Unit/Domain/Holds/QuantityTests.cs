using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Domain.Holds;

public class QuantityTests
{
    [Fact]
    public void Bounds_AreOneToOneThousand() => (Quantity.MinValue, Quantity.MaxValue).Should().Be((1, 1000));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void From_WhenWithinBounds_KeepsValue(int value)
    {
        Quantity.IsValid(value).Should().BeTrue();
        Quantity.From(value).Value.Should().Be(value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    [InlineData(int.MinValue)]
    public void From_WhenOutOfBounds_ThrowsArgumentOutOfRange(int value)
    {
        var act = () => Quantity.From(value);

        Quantity.IsValid(value).Should().BeFalse();
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
