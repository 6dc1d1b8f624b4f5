using Microsoft.Extensions.Options;
using Reservations.Application.Payments;
using Reservations.Infrastructure.Payments;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Payments;

/// <summary>The stub's signed events are what the webhook tests send: Stripe.net must verify and read them as Stripe's own.</summary>
public sealed class StripeStubWebhookTests
{
    private const string Secret = "whsec_stub";

    private readonly StripeEventReader _reader = new(
        Options.Create(new PaymentsOptions { Stripe = { SecretKey = "sk_test_stub", WebhookSecret = Secret } }), TimeProvider.System);

    [Fact]
    public void EventJson_SignedByTheStub_IsVerifiedAndReadByStripeNet()
    {
        var reservationId = Guid.NewGuid();
        var payload = StripeStub.EventJson("checkout.session.completed",
            new StripeSessionObject("cs_test_stub", reservationId.ToString(), PaymentIntent: "pi_test_stub", AmountTotal: 4200, Currency: "usd"));

        var read = _reader.Read(payload, StripeStub.Sign(payload, Secret, DateTimeOffset.UtcNow));

        read.Should().BeEquivalentTo(new
        {
            Type = PaymentEventType.CheckoutCompleted,
            SessionId = "cs_test_stub",
            HoldId = reservationId,
            PaymentIntentId = "pi_test_stub",
            Paid = true,
            AmountTotal = 4200L,
            Currency = "usd",
        });
        read!.Id.Should().StartWith("evt_");
    }

    [Fact]
    public void EventJson_SignedByTheStub_IsRefusedOnceTamperedWith()
    {
        var payload = StripeStub.EventJson("checkout.session.expired", new StripeSessionObject("cs_test_stub", Guid.NewGuid().ToString(), PaymentStatus: "unpaid"));
        var signature = StripeStub.Sign(payload, Secret, DateTimeOffset.UtcNow);

        _reader.Read(payload.Replace("expired", "completed", StringComparison.Ordinal), signature).Should().BeNull();
    }
}
