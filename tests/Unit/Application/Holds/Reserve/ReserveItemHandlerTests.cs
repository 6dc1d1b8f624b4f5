using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;
using Reservations.Application.Holds.Reserve;
using Reservations.Application.Products;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Application.Holds.Reserve;

public class ReserveItemHandlerTests
{
    private readonly IHoldGate _gate = Substitute.For<IHoldGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly ReserveItemHandler _handler;

    public ReserveItemHandlerTests() => _handler = new ReserveItemHandler(_gate);

    public static TheoryData<Error> GateErrors =>
    [
        ProductErrors.NotFound, HoldErrors.OutOfStock(1, Guid.CreateVersion7()), HoldErrors.LimitExceeded(4, Guid.CreateVersion7()), HoldErrors.IdempotencyKeyReused,
        HoldErrors.HoldTooLong(60),
    ];

    [Theory]
    [InlineData("key-1")]
    [InlineData(null)]
    public async Task Handle_WhenCalled_AsksTheGateWithValueObjectsAndTheKey(string? key)
    {
        var productId = Guid.CreateVersion7();
        _gate.ReserveAsync(Arg.Any<ReserveRequest>(), _ct).Returns(TestHolds.Create());

        await _handler.Handle(new ReserveItemCommand("auth0|alice", productId, 3, key), _ct);

        await _gate.Received(1).ReserveAsync(new ReserveRequest(productId, CustomerId.From("auth0|alice"), Quantity.From(3), key), _ct);
    }

    [Fact]
    public async Task Handle_WithHoldSeconds_AsksTheGateForAHoldThatLong()
    {
        var productId = Guid.CreateVersion7();
        _gate.ReserveAsync(Arg.Any<ReserveRequest>(), _ct).Returns(TestHolds.Create());

        await _handler.Handle(new ReserveItemCommand("alice", productId, 1, null, HoldSeconds: 45), _ct);

        await _gate.Received(1).ReserveAsync(
            new ReserveRequest(productId, CustomerId.From("alice"), Quantity.From(1), null) { HoldSeconds = 45 }, _ct);
    }

    [Fact]
    public async Task Handle_WhenGateHolds_ReturnsTheHoldAsAReservation()
    {
        var hold = TestHolds.Create("alice", HoldStatus.Held, quantity: 3);
        _gate.ReserveAsync(Arg.Any<ReserveRequest>(), _ct).Returns(hold);

        var result = await _handler.Handle(new ReserveItemCommand("alice", hold.Lines[0].ProductId, 3, null), _ct);

        result.Value.Should().Be(hold.ExpectedResponse());
        result.Value.Should().BeEquivalentTo(new { CustomerId = "alice", Quantity = 3, Status = HoldStatus.Held });
    }

    [Theory]
    [MemberData(nameof(GateErrors))]
    public async Task Handle_WhenGateRefuses_ReturnsItsErrorUnchanged(Error error)
    {
        _gate.ReserveAsync(Arg.Any<ReserveRequest>(), _ct).Returns(Result<Hold>.Failure(error));

        var result = await _handler.Handle(new ReserveItemCommand("alice", Guid.CreateVersion7(), 3, "key-1"), _ct);

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().BeSameAs(error);
    }
}
