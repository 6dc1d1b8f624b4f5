using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Reservations.Expire;

namespace Reservations.UnitTests.Application.Reservations.Expire;

public class ExpireHoldHandlerTests
{
    private readonly IInventoryGate _gate = Substitute.For<IInventoryGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Guid _holdId = Guid.CreateVersion7();

    [Fact]
    public async Task Handle_WhenGateReleasedTheHold_ReturnsTrueAndRecordsTheDelayOnTheEventPath()
    {
        using var recorder = new ExpiryDelayRecorder();
        _gate.ExpireAsync(_holdId, _ct).Returns(TimeSpan.FromMilliseconds(1234.5));

        var expired = await new ExpireHoldHandler(_gate, NullLogger<ExpireHoldHandler>.Instance).Handle(new ExpireHoldCommand(_holdId), _ct);

        expired.Should().BeTrue();
        recorder.Delays.Should().ContainSingle().Which.Should().Be(new RecordedDelay(1234.5, "event"));
    }

    [Fact]
    public async Task Handle_WhenSomeoneElseReleasedTheHoldFirst_ReturnsFalseAndRecordsNothing()
    {
        using var recorder = new ExpiryDelayRecorder();
        _gate.ExpireAsync(_holdId, _ct).Returns((TimeSpan?)null);

        var expired = await new ExpireHoldHandler(_gate, NullLogger<ExpireHoldHandler>.Instance).Handle(new ExpireHoldCommand(_holdId), _ct);

        expired.Should().BeFalse();
        recorder.Delays.Should().BeEmpty();
        await _gate.Received(1).ExpireAsync(_holdId, _ct);
    }
}
