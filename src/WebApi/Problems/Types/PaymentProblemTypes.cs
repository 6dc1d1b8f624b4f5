namespace Reservations.WebApi.Problems.Types;

internal static class PaymentProblemTypes
{
    public static ProblemType[] All { get; } =
    [
        new("payment-required", 402,
            "Payments are configured, so a customer cannot buy a hold on the purchase route: a paid Stripe checkout buys it "
            + "(or a payment service with the role `payments`).",
            "Start a checkout (`POST /api/reservations/{id}/checkout`) and send the customer to its `checkoutUrl`."),
        new("payments-disabled", 503,
            "A checkout was asked for, but this deployment has no Stripe keys configured.",
            "Buy on `POST /api/reservations/{id}/purchase` instead, which works while payments are off, or ask the operator to "
            + "set `Payments:Stripe:SecretKey` and `Payments:Stripe:WebhookSecret`."),
        new("payment-provider-unavailable", 503,
            "Stripe answered with a server error or did not answer in time, after Stripe.net's two retries.",
            "Retry the checkout shortly: a repeat asks Stripe for the same session, so it never opens two."),
        new("payment-provider-rejected", 502,
            "Stripe refused the request for a reason other than the card: a bug or a configuration fault on the API's side, "
            + "which it logs with Stripe's reason.",
            "Do not retry; report the response's `traceId` to the operator."),
        new("invalid-signature", 400,
            "A call of the Stripe webhook whose `Stripe-Signature` is missing, does not match `Payments:Stripe:WebhookSecret`, "
            + "or is more than 5 minutes old, or whose body is not a Stripe event. Nothing was done.",
            "Check that the webhook endpoint's signing secret in Stripe is the one the API is configured with. Stripe keeps "
            + "retrying a refused event for up to three days, so it gets through once the secrets match."),
    ];
}
