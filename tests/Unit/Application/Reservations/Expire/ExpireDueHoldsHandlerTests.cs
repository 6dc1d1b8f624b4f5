using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Reservations.Expire;

namespace Reservations.UnitTests.Application.Reservations.Expire;

public class ExpireDueHoldsHandlerTests
{
    private const int Shard = 7;
    private readonly IInventoryGate _gate = Substitute.For<IInventoryGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenGateReleasedHolds_ReturnsHowManyAndRecordsEachDelayOnTheEventPath()
    {
        using var recorder = new ExpiryDelayRecorder();
        _gate.ExpireDueAsync(Shard, _ct).Returns([TimeSpan.FromMilliseconds(1234.5), TimeSpan.FromMilliseconds(20)]);

        var expired = await Handler().Handle(new ExpireDueHoldsCommand(Shard), _ct);

        expired.Should().Be(2);
        recorder.Delays.Should().Equal(new RecordedDelay(1234.5, "event"), new RecordedDelay(20, "event"));
    }

    [Fact]
    public async Task Handle_WhenSomeoneElseReleasedTheHoldsFirst_ReturnsZeroAndRecordsNothing()
    {
        using var recorder = new ExpiryDelayRecorder();
        _gate.ExpireDueAsync(Shard, _ct).Returns([]);

        var expired = await Handler().Handle(new ExpireDueHoldsCommand(Shard), _ct);

        expired.Should().Be(0);
        recorder.Delays.Should().BeEmpty();
        await _gate.Received(1).ExpireDueAsync(Shard, _ct);
    }

    private ExpireDueHoldsHandler Handler() => new(_gate, NullLogger<ExpireDueHoldsHandler>.Instance);
}
