using Reservations.Domain.Products;

namespace Reservations.UnitTests.Domain.Products;

public class HoldDurationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(600)]
    [InlineData(86_400)]
    public void FromSeconds_WhenWithinOneSecondToOneDay_KeepsSeconds(int seconds)
    {
        HoldDuration.IsValid(seconds).Should().BeTrue();
        HoldDuration.FromSeconds(seconds).Seconds.Should().Be(seconds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(86_401)]
    public void FromSeconds_WhenOutOfRange_ThrowsArgumentOutOfRange(int seconds)
    {
        var act = () => HoldDuration.FromSeconds(seconds);

        HoldDuration.IsValid(seconds).Should().BeFalse();
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(600, 600, true)]
    [InlineData(600, 86_400, true)]
    [InlineData(600, 599, false)]
    [InlineData(600, 86_401, false)]
    public void IsValidMax_IsTrueOnlyFromTheHoldToADay(int holdSeconds, int maxHoldSeconds, bool valid) =>
        HoldDuration.IsValidMax(holdSeconds, maxHoldSeconds).Should().Be(valid);

    [Fact]
    public void Default_IsTenMinutes() => HoldDuration.Default.Seconds.Should().Be(600);
}
