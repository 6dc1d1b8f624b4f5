using Reservations.Load.Sale;

namespace Reservations.UnitTests.Load;

public class ThroughputSeriesTests
{
    [Fact]
    public void PerSecond_CountsCompletionsInTheSecondTheyEnded_WithEmptySecondsAsZeroes()
    {
        var series = new ThroughputSeries();
        series.Add("reserve", TimeSpan.FromSeconds(0.2));
        series.Add("reserve", TimeSpan.FromSeconds(0.9));
        series.Add("reserve", TimeSpan.FromSeconds(3.5));

        series.PerSecond("reserve", TimeSpan.FromSeconds(5)).Should().Equal(2, 0, 0, 1, 0);
    }

    [Fact]
    public void PerSecond_OfAnOperationWithNothing_IsZeroesForTheWholeSale() =>
        new ThroughputSeries().PerSecond("release", TimeSpan.FromSeconds(2.5)).Should().Equal(0, 0, 0);

    [Fact]
    public void PerSecond_KeepsCompletionsAfterTheDuration_AndEveryOperationHasTheSameLength()
    {
        var series = new ThroughputSeries();
        series.Add("purchase", TimeSpan.FromSeconds(2.1));

        series.PerSecond("purchase", TimeSpan.FromSeconds(2)).Should().Equal(0, 0, 1);
        series.PerSecond("reserve", TimeSpan.FromSeconds(2)).Should().Equal(0, 0, 0);
    }
}
