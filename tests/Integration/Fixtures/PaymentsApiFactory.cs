namespace Reservations.IntegrationTests.Fixtures;

/// <summary>The API with Stripe test keys, its Stripe calls going to a <see cref="StripeStub"/> of this fixture.</summary>
public sealed class PaymentsApiFactory : UnthrottledApiFactory
{
    public const string SecretKey = "sk_test_reservations";
    public const string WebhookSecret = "whsec_reservations_test";

    public StripeStub Stripe { get; } = StripeStub.StartAsync().GetAwaiter().GetResult();

    protected override IReadOnlyList<(string Key, string Value)> Settings =>
    [
        .. base.Settings,
        ("Payments:Stripe:SecretKey", SecretKey),
        ("Payments:Stripe:WebhookSecret", WebhookSecret),
        ("Payments:Stripe:ApiBase", Stripe.ApiBase.ToString()),
        ("Payments:Currency", "usd"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
