using Microsoft.Extensions.Options;
using Reservations.Application.Payments;
using Stripe;
using Stripe.Checkout;

namespace Reservations.Infrastructure.Payments;

/// <summary>
/// Stripe Checkout and refunds through Stripe.net. Its client retries connection errors, timeouts, 409 and 5xx
/// itself, twice, with the same Idempotency-Key, so a retried request never charges or refunds twice.
/// </summary>
public sealed class StripePaymentProvider : IPaymentProvider, IDisposable
{
    // Per try: three tries and their pauses (0.5–1 s) give up within about half a minute.
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly PaymentsOptions.StripeSettings _settings;
    // Built on first use: without a key (payments disabled) the provider still resolves, and is never called.
    private readonly Lazy<StripeConnection> _connection;

    public StripePaymentProvider(IOptions<PaymentsOptions> options)
        : this(options.Value.Stripe, DefaultTimeout)
    {
    }

    internal StripePaymentProvider(PaymentsOptions.StripeSettings settings, TimeSpan timeout)
    {
        _settings = settings;
        _connection = new Lazy<StripeConnection>(() => StripeConnection.Open(settings, timeout));
    }

    public Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken) =>
        StripeFailures.TranslateAsync(async () =>
        {
            var session = await new SessionService(_connection.Value.Client).CreateAsync(
                CheckoutSessionOptions.For(request), Idempotent(request.IdempotencyKey), cancellationToken);
            return new CheckoutSession(
                session.Id, new Uri(session.Url), new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc)));
        }, _settings.SecretKey, cancellationToken);

    public Task<PaymentRefund> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        StripeFailures.TranslateAsync(async () =>
        {
            var refund = await new RefundService(_connection.Value.Client).CreateAsync(
                new RefundCreateOptions { PaymentIntent = request.PaymentIntentId }, Idempotent(request.IdempotencyKey), cancellationToken);
            return new PaymentRefund(refund.Id, refund.Status);
        }, _settings.SecretKey, cancellationToken);

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }

    private static RequestOptions Idempotent(string key) => new() { IdempotencyKey = key };
}
