using Microsoft.Extensions.Logging;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Holds.Sweep;
using Reservations.UnitTests.Application.Common.Behaviors;

namespace Reservations.UnitTests.Application.Holds.Sweep;

public class SweepExpiredHoldsHandlerTests
{
    private readonly IHoldExpiry _gate = Substitute.For<IHoldExpiry>();
    private readonly IFailureClassifier _failures = Substitute.For<IFailureClassifier>();
    private readonly RecordingLogger<SweepExpiredHoldsHandler> _logger = new(LogLevel.Information);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public SweepExpiredHoldsHandlerTests()
    {
        _gate.Shards.Returns(3);
        _gate.ExpireDueAsync(Arg.Any<int>(), _ct).Returns(new ShardExpiry([], []));
    }

    [Fact]
    public async Task Handle_WhenSweeping_ExpiresEveryShardAndReportsAllTheirDelays()
    {
        GivenShardExpires(0, TimeSpan.FromSeconds(1));
        GivenShardExpires(2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));

        var report = await Handle();

        await _gate.Received(1).ExpireDueAsync(0, _ct);
        await _gate.Received(1).ExpireDueAsync(1, _ct);
        await _gate.Received(1).ExpireDueAsync(2, _ct);
        report.ExpiryDelays.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        report.FailedShards.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_WhenHoldsExpired_RecordsOneSweepDelayPerHold()
    {
        using var recorder = new ExpiryDelayRecorder();
        GivenShardExpires(1, TimeSpan.FromMilliseconds(2345.25), TimeSpan.FromMilliseconds(3456.75), TimeSpan.FromMilliseconds(2345.25));

        await Handle();

        recorder.Delays.Should().Equal(new RecordedDelay(2345.25, "sweep"), new RecordedDelay(3456.75, "sweep"), new RecordedDelay(2345.25, "sweep"));
    }

    [Fact]
    public async Task Handle_WhenNothingExpired_RecordsNoDelay()
    {
        using var recorder = new ExpiryDelayRecorder();

        await Handle();

        recorder.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_WhenOneShardFailsForGood_LogsAndCountsItAndSweepsTheOtherShards()
    {
        using var failures = new CounterRecorder("reservations.hold.expiry_failures");
        var corrupt = new InvalidOperationException("ERR user_script:1: WRONGTYPE p:{s1}:b:17 is a string, expected a list");
        _gate.ExpireDueAsync(1, _ct).ThrowsAsync(corrupt);
        GivenShardExpires(2, TimeSpan.FromSeconds(1));

        var report = await Handle();

        await _gate.Received(1).ExpireDueAsync(2, _ct);
        report.ExpiryDelays.Should().Equal(TimeSpan.FromSeconds(1));
        report.FailedShards.Should().Equal(1);
        var logged = _logger.Entries.Should().ContainSingle().Subject;
        logged.Level.Should().Be(LogLevel.Error);
        logged.Properties["Shard"].Should().Be(1);
        logged.Properties["Reason"].Should().Be(corrupt.Message);
        failures.Counts.Should().ContainSingle().Which.Tags["shard"].Should().Be(1);
    }

    [Fact]
    public async Task Handle_WhenAShardFailsInAWayThatMayPass_EndsThePassWithTheFailure()
    {
        var unreachable = new TimeoutException("Redis did not answer");
        _failures.IsTransient(unreachable).Returns(true);
        _gate.ExpireDueAsync(1, _ct).ThrowsAsync(unreachable);

        var sweep = async () => await Handle();

        (await sweep.Should().ThrowAsync<TimeoutException>()).Which.Should().BeSameAs(unreachable);
        await _gate.DidNotReceive().ExpireDueAsync(2, _ct);
        _logger.Entries.Should().BeEmpty("the Worker's sweeper logs a failed pass");
    }

    [Fact]
    public async Task Handle_WhenAShardSetHoldsAside_LogsAndCountsEachAndStillReportsTheDelays()
    {
        using var quarantined = new CounterRecorder("reservations.hold.quarantined");
        _gate.ExpireDueAsync(2, _ct).Returns(new ShardExpiry(
            [TimeSpan.FromSeconds(1)], [new QuarantinedHold("hold-a", "its product has no stock in this shard")]));

        var report = await Handle();

        report.ExpiryDelays.Should().Equal(TimeSpan.FromSeconds(1));
        var logged = _logger.Entries.Should().ContainSingle().Subject;
        logged.Level.Should().Be(LogLevel.Error);
        $"{logged.Properties["HoldId"]} {logged.Properties["Shard"]} {logged.Properties["Reason"]}"
            .Should().Be("hold-a 2 its product has no stock in this shard");
        quarantined.Counts.Select(c => c.Value).Should().Equal(1);
    }

    private void GivenShardExpires(int shard, params TimeSpan[] delays) =>
        _gate.ExpireDueAsync(shard, _ct).Returns(new ShardExpiry(delays, []));

    private ValueTask<SweepReport> Handle() =>
        new SweepExpiredHoldsHandler(_gate, _failures, _logger).Handle(new SweepExpiredHoldsCommand(), _ct);
}
