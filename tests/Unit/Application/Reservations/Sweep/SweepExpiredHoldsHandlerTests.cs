using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Reservations.Sweep;

namespace Reservations.UnitTests.Application.Reservations.Sweep;

public class SweepExpiredHoldsHandlerTests
{
    private readonly IInventoryGate _gate = Substitute.For<IInventoryGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenSweeping_ReturnsTheGatesReport()
    {
        var report = new SweepReport([TimeSpan.FromSeconds(1)]);
        _gate.SweepAsync(_ct).Returns(report);

        var returned = await new SweepExpiredHoldsHandler(_gate).Handle(new SweepExpiredHoldsCommand(), _ct);

        returned.Should().BeSameAs(report);
        await _gate.Received(1).SweepAsync(_ct);
    }

    [Fact]
    public async Task Handle_WhenHoldsExpired_RecordsOneSweepDelayPerHold()
    {
        using var recorder = new ExpiryDelayRecorder();
        TimeSpan[] delays = [TimeSpan.FromMilliseconds(2345.25), TimeSpan.FromMilliseconds(3456.75), TimeSpan.FromMilliseconds(2345.25)];
        _gate.SweepAsync(_ct).Returns(new SweepReport(delays));

        await new SweepExpiredHoldsHandler(_gate).Handle(new SweepExpiredHoldsCommand(), _ct);

        recorder.Delays.Should().Equal(new RecordedDelay(2345.25, "sweep"), new RecordedDelay(3456.75, "sweep"), new RecordedDelay(2345.25, "sweep"));
    }

    [Fact]
    public async Task Handle_WhenNothingExpired_RecordsNoDelay()
    {
        using var recorder = new ExpiryDelayRecorder();
        _gate.SweepAsync(_ct).Returns(new SweepReport([]));

        await new SweepExpiredHoldsHandler(_gate).Handle(new SweepExpiredHoldsCommand(), _ct);

        recorder.Delays.Should().BeEmpty();
    }
}
