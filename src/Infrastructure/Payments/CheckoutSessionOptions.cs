using Reservations.Application.Payments;
using Stripe.Checkout;

namespace Reservations.Infrastructure.Payments;

internal static class CheckoutSessionOptions
{
    public const string ReservationIdKey = "reservationId";
    public const string CustomerIdKey = "customerId";

    public static SessionCreateOptions For(CheckoutRequest request) => new()
    {
        Mode = "payment",
        // Cards settle while the customer waits; methods that settle days later would complete the session unpaid and
        // pay after the hold is gone.
        AllowedPaymentMethodTypes = ["card"],
        LineItems = [.. request.Lines.Select(line => new SessionLineItemOptions
        {
            PriceData = new SessionLineItemPriceDataOptions
            {
                Currency = request.Currency,
                UnitAmount = line.UnitAmount,
                ProductData = new SessionLineItemPriceDataProductDataOptions { Name = line.Name },
            },
            Quantity = line.Quantity,
        })],
        ClientReferenceId = request.HoldId.ToString(),
        Metadata = new Dictionary<string, string>
        {
            [ReservationIdKey] = request.HoldId.ToString(),
            [CustomerIdKey] = request.CustomerId,
        },
        ExpiresAt = request.ExpiresAt.UtcDateTime,
        SuccessUrl = request.SuccessUrl.AbsoluteUri,
        CancelUrl = request.CancelUrl.AbsoluteUri,
        PaymentIntentData = new SessionPaymentIntentDataOptions
        {
            Metadata = new Dictionary<string, string> { [ReservationIdKey] = request.HoldId.ToString() },
        },
    };
}
