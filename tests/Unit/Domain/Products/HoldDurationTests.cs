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

    [Fact]
    public void Default_IsTenMinutes() => HoldDuration.Default.Seconds.Should().Be(600);
}
