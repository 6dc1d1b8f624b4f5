using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Reservations;
using Reservations.Application.Reservations.Get;
using Reservations.Domain.Reservations;

namespace Reservations.UnitTests.Application.Reservations.Get;

public class GetReservationHandlerTests
{
    private readonly IHoldGate _gate = Substitute.For<IHoldGate>();
    private readonly IPurchasedHolds _orders = Substitute.For<IPurchasedHolds>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Hold _alicesHold = TestHolds.Create("alice");
    private readonly GetReservationHandler _handler;

    public GetReservationHandlerTests()
    {
        _gate.FindAsync(_alicesHold.Id, _ct).Returns(_alicesHold);
        _handler = new GetReservationHandler(_gate, _orders);
    }

    [Fact]
    public async Task Handle_WhenOwnerAsks_ReturnsTheReservation()
    {
        var result = await _handler.Handle(new GetReservationQuery(_alicesHold.Id, "alice", IsAdmin: false), _ct);

        result.Value.Should().Be(_alicesHold.ExpectedResponse());
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("Alice")]
    public async Task Handle_WhenAnotherCustomerAsks_ReturnsNotFound(string customer)
    {
        var result = await _handler.Handle(new GetReservationQuery(_alicesHold.Id, customer, IsAdmin: false), _ct);

        result.Error.Should().BeSameAs(ReservationErrors.NotFound);
    }

    [Fact]
    public async Task Handle_WhenAdminAsksForSomeoneElsesHold_ReturnsTheReservation()
    {
        var result = await _handler.Handle(new GetReservationQuery(_alicesHold.Id, "admin-1", IsAdmin: true), _ct);

        result.Value.Should().Be(_alicesHold.ExpectedResponse());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Handle_WhenHoldUnknown_ReturnsNotFound(bool isAdmin)
    {
        var unknown = Guid.CreateVersion7();
        _gate.FindAsync(unknown, _ct).Returns((Hold?)null);

        var result = await _handler.Handle(new GetReservationQuery(unknown, "alice", isAdmin), _ct);

        result.Error.Should().BeSameAs(ReservationErrors.NotFound);
        await _gate.Received(1).FindAsync(unknown, _ct);
        await _orders.Received(1).FindHoldAsync(unknown, _ct);
    }

    [Fact]
    public async Task Handle_WhenRedisKnowsTheHold_DoesNotAskPostgres()
    {
        await _handler.Handle(new GetReservationQuery(_alicesHold.Id, "alice", IsAdmin: false), _ct);

        await _orders.DidNotReceiveWithAnyArgs().FindHoldAsync(default, _ct);
    }

    [Theory]
    [InlineData("alice", false)]
    [InlineData("admin-1", true)]
    public async Task Handle_WhenRedisForgotTheHoldButItsOrderExists_ReturnsTheCompletedReservation(string customer, bool isAdmin)
    {
        var completed = TestHolds.Create("alice", HoldStatus.Completed);
        _orders.FindHoldAsync(completed.Id, _ct).Returns(completed);

        var result = await _handler.Handle(new GetReservationQuery(completed.Id, customer, isAdmin), _ct);

        result.Value.Should().Be(completed.ExpectedResponse());
    }

    [Fact]
    public async Task Handle_WhenAnotherCustomerAsksForAnOrderedHold_ReturnsNotFound()
    {
        var completed = TestHolds.Create("alice", HoldStatus.Completed);
        _orders.FindHoldAsync(completed.Id, _ct).Returns(completed);

        var result = await _handler.Handle(new GetReservationQuery(completed.Id, "bob", IsAdmin: false), _ct);

        result.Error.Should().BeSameAs(ReservationErrors.NotFound);
    }
}
