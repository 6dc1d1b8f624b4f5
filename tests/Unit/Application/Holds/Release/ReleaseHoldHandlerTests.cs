using Mediator;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;
using Reservations.Application.Holds.Release;
using Reservations.Domain.Customers;

namespace Reservations.UnitTests.Application.Holds.Release;

public class ReleaseHoldHandlerTests
{
    private readonly IHoldGate _gate = Substitute.For<IHoldGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Guid _holdId = Guid.CreateVersion7();

    public static TheoryData<Error> GateErrors => [HoldErrors.NotFound, HoldErrors.AlreadyPurchased];

    [Fact]
    public async Task Handle_WhenGateReleases_SucceedsAfterReleasingTheCustomersHold()
    {
        _gate.ReleaseAsync(_holdId, CustomerId.From("alice"), _ct).Returns(Result<Unit>.Success(Unit.Value));

        var result = await new ReleaseHoldHandler(_gate).Handle(new ReleaseHoldCommand("alice", _holdId), _ct);

        result.IsSuccess.Should().BeTrue();
        await _gate.Received(1).ReleaseAsync(_holdId, CustomerId.From("alice"), _ct);
    }

    [Theory]
    [MemberData(nameof(GateErrors))]
    public async Task Handle_WhenGateRefuses_ReturnsItsErrorUnchanged(Error error)
    {
        _gate.ReleaseAsync(_holdId, CustomerId.From("alice"), _ct).Returns(Result<Unit>.Failure(error));

        var result = await new ReleaseHoldHandler(_gate).Handle(new ReleaseHoldCommand("alice", _holdId), _ct);

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().BeSameAs(error);
    }
}
