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

    [Fact]
    public void ReportInterval_GivesWhatCameSinceThePreviousReport_AndReportEverything()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(TimeSpan.FromMilliseconds(100));
        recorder.ReportInterval().Max.Should().BeApproximately(100, 0.1);

        recorder.Record(TimeSpan.FromMilliseconds(2));

        var interval = recorder.ReportInterval();
        interval.Count.Should().Be(1);
        interval.Max.Should().BeApproximately(2, 0.01);
        recorder.ReportInterval().Count.Should().Be(0);
        var total = recorder.Report();
        total.Count.Should().Be(2);
        total.Max.Should().BeApproximately(100, 0.1);
    }

    [Fact]
    public async Task Reports_WhileOtherThreadsRecord_DoNotThrow()
    {
        var recorder = new LatencyRecorder();
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var recording = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                recorder.Record(TimeSpan.FromMicroseconds(Random.Shared.Next(1, 1_000_000)));
            }
        }, TestContext.Current.CancellationToken)).ToArray();

        while (!stop.IsCancellationRequested)
        {
            recorder.ReportInterval();
            recorder.Report();
        }

        await Task.WhenAll(recording);
        recorder.Report().Count.Should().BePositive();
    }
}
