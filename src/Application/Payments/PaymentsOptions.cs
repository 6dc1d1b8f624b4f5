namespace Reservations.Application.Payments;

public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>ISO 4217 code, lower case, of a currency with two decimals (prices are sent in cents).</summary>
    public string Currency { get; set; } = "usd";

    public StripeSettings Stripe { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Stripe.SecretKey) && !string.IsNullOrWhiteSpace(Stripe.WebhookSecret);

    public sealed class StripeSettings
    {
        /// <summary><c>sk_test_…</c> or <c>sk_live_…</c>; from the environment or <c>.env</c>, never a committed file.</summary>
        public string? SecretKey { get; set; }

        public string? WebhookSecret { get; set; }

        public Uri ApiBase { get; set; } = new("https://api.stripe.com");
    }
}
