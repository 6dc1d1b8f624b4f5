using Microsoft.Extensions.Logging;
using NSubstitute;
using Reservations.Application.Holds;
using Reservations.Application.Holds.Expire;
using Reservations.UnitTests.Application.Common.Behaviors;

namespace Reservations.UnitTests.Application.Holds.Expire;

public class ExpireDueHoldsHandlerTests
{
    private const int Shard = 7;
    private readonly IHoldExpiry _gate = Substitute.For<IHoldExpiry>();
    private readonly RecordingLogger<ExpireDueHoldsHandler> _logger = new(LogLevel.Information);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenGateReleasedHolds_ReturnsHowManyAndRecordsEachDelayOnTheEventPath()
    {
        using var recorder = new ExpiryDelayRecorder();
        _gate.ExpireDueAsync(Shard, _ct).Returns(new ShardExpiry([TimeSpan.FromMilliseconds(1234.5), TimeSpan.FromMilliseconds(20)], []));

        var expired = await Handler().Handle(new ExpireDueHoldsCommand(Shard), _ct);

        expired.Should().Be(2);
        recorder.Delays.Should().Equal(new RecordedDelay(1234.5, "event"), new RecordedDelay(20, "event"));
        _logger.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_WhenSomeoneElseReleasedTheHoldsFirst_ReturnsZeroAndRecordsNothing()
    {
        using var recorder = new ExpiryDelayRecorder();
        _gate.ExpireDueAsync(Shard, _ct).Returns(new ShardExpiry([], []));

        var expired = await Handler().Handle(new ExpireDueHoldsCommand(Shard), _ct);

        expired.Should().Be(0);
        recorder.Delays.Should().BeEmpty();
        await _gate.Received(1).ExpireDueAsync(Shard, _ct);
    }

    [Fact]
    public async Task Handle_WhenTheGateSetHoldsAside_LogsAnErrorNamingEachHoldShardAndReasonAndCountsEach()
    {
        using var quarantined = new CounterRecorder("reservations.hold.quarantined");
        _gate.ExpireDueAsync(Shard, _ct).Returns(new ShardExpiry(
            [TimeSpan.FromMilliseconds(5)],
            [new QuarantinedHold("hold-a", "it does not parse: data string too short"), new QuarantinedHold("hold-b", "its product has no stock in this shard")]));

        var expired = await Handler().Handle(new ExpireDueHoldsCommand(Shard), _ct);

        expired.Should().Be(1, "the holds set aside were not expired");
        _logger.Entries.Should().HaveCount(2).And.OnlyContain(e => e.Level == LogLevel.Error && e.Message.Contains("quarantine stream"));
        _logger.Entries.Select(e => $"{e.Properties["HoldId"]} {e.Properties["Shard"]} {e.Properties["Reason"]}").Should().Equal(
            "hold-a 7 it does not parse: data string too short", "hold-b 7 its product has no stock in this shard");
        quarantined.Counts.Select(c => c.Value).Should().Equal(1, 1);
    }

    private ExpireDueHoldsHandler Handler() => new(_gate, _logger);
}
