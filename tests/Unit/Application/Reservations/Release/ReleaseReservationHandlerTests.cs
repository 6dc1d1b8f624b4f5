using Mediator;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Reservations;
using Reservations.Application.Reservations.Release;
using Reservations.Domain.Customers;

namespace Reservations.UnitTests.Application.Reservations.Release;

public class ReleaseReservationHandlerTests
{
    private readonly IHoldGate _gate = Substitute.For<IHoldGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Guid _holdId = Guid.CreateVersion7();

    public static TheoryData<Error> GateErrors => [ReservationErrors.NotFound, ReservationErrors.AlreadyPurchased];

    [Fact]
    public async Task Handle_WhenGateReleases_SucceedsAfterReleasingTheCustomersHold()
    {
        _gate.ReleaseAsync(_holdId, CustomerId.From("alice"), _ct).Returns(Result<Unit>.Success(Unit.Value));

        var result = await new ReleaseReservationHandler(_gate).Handle(new ReleaseReservationCommand("alice", _holdId), _ct);

        result.IsSuccess.Should().BeTrue();
        await _gate.Received(1).ReleaseAsync(_holdId, CustomerId.From("alice"), _ct);
    }

    [Theory]
    [MemberData(nameof(GateErrors))]
    public async Task Handle_WhenGateRefuses_ReturnsItsErrorUnchanged(Error error)
    {
        _gate.ReleaseAsync(_holdId, CustomerId.From("alice"), _ct).Returns(Result<Unit>.Failure(error));

        var result = await new ReleaseReservationHandler(_gate).Handle(new ReleaseReservationCommand("alice", _holdId), _ct);

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().BeSameAs(error);
    }
}
