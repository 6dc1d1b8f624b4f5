using Microsoft.Extensions.Options;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Payments;
using Reservations.Application.Reservations;
using Reservations.Application.Reservations.Purchase;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;

namespace Reservations.UnitTests.Application.Reservations.Purchase;

public class PurchaseReservationHandlerTests
{
    private readonly IHoldGate _gate = Substitute.For<IHoldGate>();
    private readonly IPurchasedHolds _orders = Substitute.For<IPurchasedHolds>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly PurchaseReservationHandler _handler;

    public PurchaseReservationHandlerTests() => _handler = new PurchaseReservationHandler(_gate, _orders, Options.Create(new PaymentsOptions()));

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

    [Fact]
    public async Task Handle_WhenRedisForgotTheHoldButItsOrderExists_AnswersThePurchasedReservationAgain()
    {
        var completed = TestHolds.Create("alice", HoldStatus.Completed);
        _gate.PurchaseAsync(completed.Id, CustomerId.From("alice"), _ct).Returns(ReservationErrors.NotFound);
        _orders.FindHoldAsync(completed.Id, _ct).Returns(completed);

        var result = await _handler.Handle(new PurchaseReservationCommand("alice", completed.Id), _ct);

        result.Value.Should().Be((completed with { Status = HoldStatus.Purchased }).ExpectedResponse());
    }

    [Fact]
    public async Task Handle_WhenSomeoneElsesOrderHasTheId_ReturnsNotFound()
    {
        var completed = TestHolds.Create("alice", HoldStatus.Completed);
        _gate.PurchaseAsync(completed.Id, CustomerId.From("bob"), _ct).Returns(ReservationErrors.NotFound);
        _orders.FindHoldAsync(completed.Id, _ct).Returns(completed);

        var result = await _handler.Handle(new PurchaseReservationCommand("bob", completed.Id), _ct);

        result.Error.Should().BeSameAs(ReservationErrors.NotFound);
    }

    [Fact]
    public async Task Handle_WhenTheHoldExpired_DoesNotAskPostgres()
    {
        var holdId = Guid.CreateVersion7();
        _gate.PurchaseAsync(holdId, CustomerId.From("alice"), _ct).Returns(ReservationErrors.HoldExpired);

        await _handler.Handle(new PurchaseReservationCommand("alice", holdId), _ct);

        await _orders.DidNotReceiveWithAnyArgs().FindHoldAsync(default, _ct);
    }

    [Fact]
    public async Task Handle_WhilePaymentsAreConfigured_RefusesTheOwnerWithPaymentRequired_AndBuysForAPaymentService()
    {
        var hold = TestHolds.Create("alice", HoldStatus.Purchased);
        var paying = new PurchaseReservationHandler(_gate, _orders, Options.Create(new PaymentsOptions
        {
            Stripe = new PaymentsOptions.StripeSettings { SecretKey = "sk_test_x", WebhookSecret = "whsec_x" },
        }));
        _gate.FindAsync(hold.Id, _ct).Returns(hold);
        _gate.PurchaseAsync(hold.Id, CustomerId.From("alice"), _ct).Returns(hold);

        var byOwner = await paying.Handle(new PurchaseReservationCommand("alice", hold.Id), _ct);
        var byService = await paying.Handle(new PurchaseReservationCommand("shop-payments", hold.Id, ForAnyOwner: true), _ct);

        byOwner.Error.Should().Be(PaymentErrors.PaymentRequired);
        byService.Value.CustomerId.Should().Be("alice");
        await _gate.Received(1).PurchaseAsync(hold.Id, CustomerId.From("alice"), _ct);
    }
}
