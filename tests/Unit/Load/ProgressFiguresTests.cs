using Reservations.Load.Sale;
using Reservations.Load.Sale.Progress;

namespace Reservations.UnitTests.Load;

public class ProgressFiguresTests
{
    private static readonly ProgressSnapshot AtTwoSeconds = new(TimeSpan.FromSeconds(2),
        new Dictionary<(string, int), int> { [("reserve", 201)] = 300, [("reserve", 409)] = 100 },
        new Percentiles(400, 1.5, 3, 9, 12, 20));

    private static readonly ProgressSnapshot AtFourSeconds = new(TimeSpan.FromSeconds(4),
        new Dictionary<(string, int), int>
        {
            [("release", 204)] = 49, [("reserve", 409)] = 300, [("purchase", 200)] = 150, [("reserve", 201)] = 500, [("reserve", 0)] = 1,
        },
        new Percentiles(801, 2.25, 4, 11.5, 15, 30));

    [Fact]
    public void Between_TwoSnapshots_GivesTheTotalAndTheRateSinceThePrevious()
    {
        var figures = ProgressFigures.Between(AtTwoSeconds, AtFourSeconds);

        figures.Completed.Should().Be(1_000);
        figures.RequestsPerSecond.Should().Be(300);
        figures.ReserveP50.Should().Be(2.25);
        figures.ReserveP99.Should().Be(11.5);
    }

    [Fact]
    public void Between_GroupsOutcomesByOperationInSaleOrder_AndStatusesInOrder()
    {
        var outcomes = ProgressFigures.Between(AtTwoSeconds, AtFourSeconds).Outcomes;

        outcomes.Select(o => o.Operation).Should().Equal("reserve", "purchase", "release");
        outcomes[0].Statuses.Should().Equal((0, 1), (201, 500), (409, 300));
    }

    [Fact]
    public void Between_TheSameMoment_HasNoRate() =>
        ProgressFigures.Between(AtTwoSeconds, AtTwoSeconds).RequestsPerSecond.Should().Be(0);

    [Fact]
    public void ToLine_ReadsAsOnePlainLine() =>
        ProgressFigures.Between(AtTwoSeconds, AtFourSeconds).ToLine().Should().Be(
            "  4.0 s  1,000 requests  300/s  reserve 0:1 201:500 409:300  purchase 200:150  release 204:49  reserve p50 2.25 ms p99 11.50 ms");

    [Fact]
    public void Between_WithNoReserveSinceThePrevious_HasNoReserveLatency()
    {
        var figures = ProgressFigures.Between(AtTwoSeconds, AtTwoSeconds with { Reserve = new Percentiles(0, 0, 0, 0, 0, 0) });

        figures.ReserveP50.Should().BeNull();
        figures.ToLine().Should().EndWith("reserve p50 - p99 -");
    }
}
