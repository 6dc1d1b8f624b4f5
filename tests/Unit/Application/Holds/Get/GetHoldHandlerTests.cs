using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Holds.Get;
using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Application.Holds.Get;

public class GetHoldHandlerTests
{
    private readonly IHoldGate _gate = Substitute.For<IHoldGate>();
    private readonly IPurchasedHolds _purchases = Substitute.For<IPurchasedHolds>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Hold _alicesHold = TestHolds.Create("alice");
    private readonly GetHoldHandler _handler;

    public GetHoldHandlerTests()
    {
        _gate.FindAsync(_alicesHold.Id, _ct).Returns(_alicesHold);
        _handler = new GetHoldHandler(_gate, _purchases);
    }

    [Fact]
    public async Task Handle_WhenOwnerAsks_ReturnsTheHold()
    {
        var result = await _handler.Handle(new GetHoldQuery(_alicesHold.Id, "alice", IsAdmin: false), _ct);

        result.Value.Should().Be(_alicesHold.ExpectedResponse());
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("Alice")]
    public async Task Handle_WhenAnotherCustomerAsks_ReturnsNotFound(string customer)
    {
        var result = await _handler.Handle(new GetHoldQuery(_alicesHold.Id, customer, IsAdmin: false), _ct);

        result.Error.Should().BeSameAs(HoldErrors.NotFound);
    }

    [Fact]
    public async Task Handle_WhenAdminAsksForSomeoneElsesHold_ReturnsIt()
    {
        var result = await _handler.Handle(new GetHoldQuery(_alicesHold.Id, "admin-1", IsAdmin: true), _ct);

        result.Value.Should().Be(_alicesHold.ExpectedResponse());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Handle_WhenHoldUnknown_ReturnsNotFound(bool isAdmin)
    {
        var unknown = Guid.CreateVersion7();
        _gate.FindAsync(unknown, _ct).Returns((Hold?)null);

        var result = await _handler.Handle(new GetHoldQuery(unknown, "alice", isAdmin), _ct);

        result.Error.Should().BeSameAs(HoldErrors.NotFound);
        await _gate.Received(1).FindAsync(unknown, _ct);
        await _purchases.Received(1).FindHoldAsync(unknown, _ct);
    }

    [Fact]
    public async Task Handle_WhenRedisKnowsTheHold_DoesNotAskPostgres()
    {
        await _handler.Handle(new GetHoldQuery(_alicesHold.Id, "alice", IsAdmin: false), _ct);

        await _purchases.DidNotReceiveWithAnyArgs().FindHoldAsync(default, _ct);
    }

    [Theory]
    [InlineData("alice", false)]
    [InlineData("admin-1", true)]
    public async Task Handle_WhenRedisForgotTheHoldButItsPurchaseExists_ReturnsTheCompletedHold(string customer, bool isAdmin)
    {
        var completed = TestHolds.Create("alice", HoldStatus.Completed);
        _purchases.FindHoldAsync(completed.Id, _ct).Returns(completed);

        var result = await _handler.Handle(new GetHoldQuery(completed.Id, customer, isAdmin), _ct);

        result.Value.Should().Be(completed.ExpectedResponse());
    }

    [Fact]
    public async Task Handle_WhenAnotherCustomerAsksForACompletedHold_ReturnsNotFound()
    {
        var completed = TestHolds.Create("alice", HoldStatus.Completed);
        _purchases.FindHoldAsync(completed.Id, _ct).Returns(completed);

        var result = await _handler.Handle(new GetHoldQuery(completed.Id, "bob", IsAdmin: false), _ct);

        result.Error.Should().BeSameAs(HoldErrors.NotFound);
    }
}
