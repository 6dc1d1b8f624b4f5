using Reservations.Load.Sale;

namespace Reservations.UnitTests.Load;

public class LatencyRecorderTests
{
    [Fact]
    public void Report_OfOneThousandLatencies_GivesTheirPercentilesInMilliseconds()
    {
        var recorder = new LatencyRecorder();
        for (var ms = 1; ms <= 1_000; ms++)
        {
            recorder.Record(TimeSpan.FromMilliseconds(ms));
        }

        var report = recorder.Report();

        report.Count.Should().Be(1_000);
        report.P50.Should().BeApproximately(500, 1);
        report.P90.Should().BeApproximately(900, 1);
        report.P99.Should().BeApproximately(990, 1);
        report.P999.Should().BeApproximately(999, 1);
        report.Max.Should().BeApproximately(1_000, 1);
    }

    [Fact]
    public void Report_OfNothing_IsZeroes() =>
        new LatencyRecorder().Report().Should().Be(new Percentiles(0, 0, 0, 0, 0, 0));
}
