using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;
using Reservations.Application.Holds.Extend;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Application.Holds.Extend;

public class ExtendHoldHandlerTests
{
    private readonly IHoldGate _gate = Substitute.For<IHoldGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly ExtendHoldHandler _handler;

    public ExtendHoldHandlerTests() => _handler = new ExtendHoldHandler(_gate);

    public static TheoryData<Error> GateErrors =>
    [
        HoldErrors.NotFound, HoldErrors.HoldExpired, HoldErrors.HoldReleased, HoldErrors.AlreadyPurchased,
        HoldErrors.IdempotencyKeyReused, HoldErrors.ExtensionLimit(TestHolds.CreatedAt.AddMinutes(30)),
    ];

    [Theory]
    [InlineData("pay-1")]
    [InlineData(null)]
    public async Task Handle_WhenCalled_AsksTheGateForTheCustomersHoldWithTheSecondsAndTheKey(string? key)
    {
        var holdId = Guid.CreateVersion7();
        _gate.ExtendAsync(Arg.Any<ExtendRequest>(), _ct).Returns(TestHolds.Create());

        await _handler.Handle(new ExtendHoldCommand("auth0|alice", holdId, 120, key), _ct);

        await _gate.Received(1).ExtendAsync(new ExtendRequest(holdId, CustomerId.From("auth0|alice"), 120, key), _ct);
    }

    [Fact]
    public async Task Handle_WhenGateExtends_ReturnsTheHoldWithItsNewDeadline()
    {
        var hold = TestHolds.Create("alice") with { ExpiresAt = TestHolds.CreatedAt.AddMinutes(12) };
        _gate.ExtendAsync(Arg.Any<ExtendRequest>(), _ct).Returns(hold);

        var result = await _handler.Handle(new ExtendHoldCommand("alice", hold.Id, 120, null), _ct);

        result.Value.Should().Be(hold.ExpectedResponse());
        result.Value.ExpiresAt.Should().Be(TestHolds.CreatedAt.AddMinutes(12));
    }

    [Theory]
    [MemberData(nameof(GateErrors))]
    public async Task Handle_WhenGateRefuses_ReturnsItsErrorUnchanged(Error error)
    {
        _gate.ExtendAsync(Arg.Any<ExtendRequest>(), _ct).Returns(Result<Hold>.Failure(error));

        var result = await _handler.Handle(new ExtendHoldCommand("alice", Guid.CreateVersion7(), 120, "pay-1"), _ct);

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().BeSameAs(error);
    }
}
