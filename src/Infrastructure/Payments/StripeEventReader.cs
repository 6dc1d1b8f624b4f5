using System.Text.Json;
using Microsoft.Extensions.Options;
using Reservations.Application.Payments;
using Stripe;
using Stripe.Checkout;

namespace Reservations.Infrastructure.Payments;

/// <summary>
/// Verifies <c>Stripe-Signature</c> (five minutes of tolerance) and reads the checkout session an event carries. Events
/// of any API version are read: only the session's ids, status and amount are used, which every version has.
/// </summary>
public sealed class StripeEventReader(IOptions<PaymentsOptions> options, TimeProvider clock) : IPaymentEventReader
{
    private const long ToleranceSeconds = 300;
    private const string Paid = "paid";

    public PaymentEvent? Read(string payload, string? signatureHeader)
    {
        var secret = options.Value.Stripe.WebhookSecret;
        if (string.IsNullOrWhiteSpace(signatureHeader) || string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        Event? stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signatureHeader, secret, ToleranceSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (Exception e) when (e is StripeException or JsonException or FormatException or OverflowException
            or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            // A bad or stale signature (StripeException), or a signed body that is not an event.
            return null;
        }

        return stripeEvent?.Type is null ? null : ToPaymentEvent(stripeEvent);
    }

    private static PaymentEvent ToPaymentEvent(Event stripeEvent)
    {
        var session = stripeEvent.Data?.Object as Session;
        return new PaymentEvent(
            stripeEvent.Id,
            TypeOf(stripeEvent.Type),
            stripeEvent.Type,
            session?.Id,
            session is null ? null : HoldIdOf(session),
            session?.PaymentIntentId,
            session?.PaymentStatus == Paid,
            session?.AmountTotal,
            session?.Currency);
    }

    private static PaymentEventType TypeOf(string type) => type switch
    {
        EventTypes.CheckoutSessionCompleted => PaymentEventType.CheckoutCompleted,
        EventTypes.CheckoutSessionExpired => PaymentEventType.CheckoutExpired,
        _ => PaymentEventType.Other,
    };

    private static Guid? HoldIdOf(Session session)
    {
        var id = session.Metadata?.GetValueOrDefault(CheckoutSessionOptions.ReservationIdKey) is { Length: > 0 } fromMetadata
            ? fromMetadata
            : session.ClientReferenceId;
        return Guid.TryParse(id, out var holdId) ? holdId : null;
    }
}
