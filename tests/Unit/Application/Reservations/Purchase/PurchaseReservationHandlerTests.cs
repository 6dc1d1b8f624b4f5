using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Reservations;
using Reservations.Application.Reservations.Purchase;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;

namespace Reservations.UnitTests.Application.Reservations.Purchase;

public class PurchaseReservationHandlerTests
{
    private readonly IInventoryGate _gate = Substitute.For<IInventoryGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly PurchaseReservationHandler _handler;

    public PurchaseReservationHandlerTests() => _handler = new PurchaseReservationHandler(_gate);

    public static TheoryData<Error> GateErrors =>
        [ReservationErrors.NotFound, ReservationErrors.HoldExpired, ReservationErrors.HoldReleased];

    [Fact]
    public async Task Handle_WhenGatePurchases_ReturnsThePurchasedReservation()
    {
        var hold = TestHolds.Create("alice", HoldStatus.Purchased);
        _gate.PurchaseAsync(hold.Id, CustomerId.From("alice"), _ct).Returns(hold);

        var result = await _handler.Handle(new PurchaseReservationCommand("alice", hold.Id), _ct);

        result.Value.Should().Be(hold.ExpectedResponse());
        result.Value.Status.Should().Be(HoldStatus.Purchased);
    }

    [Theory]
    [MemberData(nameof(GateErrors))]
    public async Task Handle_WhenGateRefuses_ReturnsItsErrorUnchanged(Error error)
    {
        var holdId = Guid.CreateVersion7();
        _gate.PurchaseAsync(holdId, CustomerId.From("alice"), _ct).Returns(Result<Hold>.Failure(error));

        var result = await _handler.Handle(new PurchaseReservationCommand("alice", holdId), _ct);

        result.Error.Should().BeSameAs(error);
    }
}
