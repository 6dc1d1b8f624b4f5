using Microsoft.Extensions.Options;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;
using Reservations.Application.Holds.Purchase;
using Reservations.Application.Payments;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Application.Holds.Purchase;

public class PurchaseHoldHandlerTests
{
    private readonly IHoldGate _gate = Substitute.For<IHoldGate>();
    private readonly IPurchasedHolds _purchases = Substitute.For<IPurchasedHolds>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly PurchaseHoldHandler _handler;

    public PurchaseHoldHandlerTests() => _handler = new PurchaseHoldHandler(_gate, _purchases, Options.Create(new PaymentsOptions()));

    public static TheoryData<Error> GateErrors =>
        [HoldErrors.NotFound, HoldErrors.HoldExpired, HoldErrors.HoldReleased];

    [Fact]
    public async Task Handle_WhenGatePurchases_ReturnsThePurchasedHold()
    {
        var hold = TestHolds.Create("alice", HoldStatus.Purchased);
        _gate.PurchaseAsync(hold.Id, CustomerId.From("alice"), _ct).Returns(hold);

        var result = await _handler.Handle(new PurchaseHoldCommand("alice", hold.Id), _ct);

        result.Value.Should().Be(hold.ExpectedResponse());
        result.Value.Status.Should().Be(HoldStatus.Purchased);
    }

    [Theory]
    [MemberData(nameof(GateErrors))]
    public async Task Handle_WhenGateRefuses_ReturnsItsErrorUnchanged(Error error)
    {
        var holdId = Guid.CreateVersion7();
        _gate.PurchaseAsync(holdId, CustomerId.From("alice"), _ct).Returns(Result<Hold>.Failure(error));

        var result = await _handler.Handle(new PurchaseHoldCommand("alice", holdId), _ct);

        result.Error.Should().BeSameAs(error);
    }

    [Fact]
    public async Task Handle_WhenRedisForgotTheHoldButItsPurchaseExists_AnswersThePurchasedHoldAgain()
    {
        var completed = TestHolds.Create("alice", HoldStatus.Completed);
        _gate.PurchaseAsync(completed.Id, CustomerId.From("alice"), _ct).Returns(HoldErrors.NotFound);
        _purchases.FindHoldAsync(completed.Id, _ct).Returns(completed);

        var result = await _handler.Handle(new PurchaseHoldCommand("alice", completed.Id), _ct);

        result.Value.Should().Be((completed with { Status = HoldStatus.Purchased }).ExpectedResponse());
    }

    [Fact]
    public async Task Handle_WhenSomeoneElsesPurchaseHasTheId_ReturnsNotFound()
    {
        var completed = TestHolds.Create("alice", HoldStatus.Completed);
        _gate.PurchaseAsync(completed.Id, CustomerId.From("bob"), _ct).Returns(HoldErrors.NotFound);
        _purchases.FindHoldAsync(completed.Id, _ct).Returns(completed);

        var result = await _handler.Handle(new PurchaseHoldCommand("bob", completed.Id), _ct);

        result.Error.Should().BeSameAs(HoldErrors.NotFound);
    }

    [Fact]
    public async Task Handle_WhenTheHoldExpired_DoesNotAskPostgres()
    {
        var holdId = Guid.CreateVersion7();
        _gate.PurchaseAsync(holdId, CustomerId.From("alice"), _ct).Returns(HoldErrors.HoldExpired);

        await _handler.Handle(new PurchaseHoldCommand("alice", holdId), _ct);

        await _purchases.DidNotReceiveWithAnyArgs().FindHoldAsync(default, _ct);
    }

    [Fact]
    public async Task Handle_WhilePaymentsAreConfigured_RefusesTheOwnerWithPaymentRequired_AndBuysForAPaymentService()
    {
        var hold = TestHolds.Create("alice", HoldStatus.Purchased);
        var paying = new PurchaseHoldHandler(_gate, _purchases, Options.Create(new PaymentsOptions
        {
            Stripe = new PaymentsOptions.StripeSettings { SecretKey = "sk_test_x", WebhookSecret = "whsec_x" },
        }));
        _gate.FindAsync(hold.Id, _ct).Returns(hold);
        _gate.PurchaseAsync(hold.Id, CustomerId.From("alice"), _ct).Returns(hold);

        var byOwner = await paying.Handle(new PurchaseHoldCommand("alice", hold.Id), _ct);
        var byService = await paying.Handle(new PurchaseHoldCommand("shop-payments", hold.Id, ForAnyOwner: true), _ct);

        byOwner.Error.Should().Be(PaymentErrors.PaymentRequired);
        byService.Value.CustomerId.Should().Be("alice");
        await _gate.Received(1).PurchaseAsync(hold.Id, CustomerId.From("alice"), _ct);
    }
}
