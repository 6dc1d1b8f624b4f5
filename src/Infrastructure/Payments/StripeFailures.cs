using Reservations.Application.Payments;
using Stripe;

namespace Reservations.Infrastructure.Payments;

internal static class StripeFailures
{
    private const string CardError = "card_error";

    public static async Task<T> TranslateAsync<T>(Func<Task<T>> call, string? secretKey, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (StripeException e)
        {
            throw new PaymentProviderException(Classify(e), Redact(Describe(e), secretKey), e);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentProviderException(PaymentFailure.Unavailable, Redact($"Stripe could not be reached: {e.Message}", secretKey), e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderException(PaymentFailure.Unavailable, "Stripe did not answer in time.", e);
        }
    }

    private static PaymentFailure Classify(StripeException e) => (e.StripeError?.Type, (int)e.HttpStatusCode) switch
    {
        (CardError, _) or (_, 402) => PaymentFailure.Declined,
        // A rate limit, a lock timeout or a request still in progress under the same idempotency key passes like a 5xx;
        // every other 4xx is a request of ours Stripe will always refuse.
        (_, 429) or (_, 409) => PaymentFailure.Unavailable,
        (_, >= 400 and < 500) => PaymentFailure.Rejected,
        _ => PaymentFailure.Unavailable,
    };

    private static string Describe(StripeException e) =>
        $"Stripe answered {(int)e.HttpStatusCode} {e.StripeError?.Type ?? "?"}/{e.StripeError?.Code ?? "?"}: {e.StripeError?.Message ?? e.Message}";

    // Stripe masks keys in its messages; this keeps ours out of any message that might still quote it.
    private static string Redact(string message, string? secretKey) =>
        string.IsNullOrEmpty(secretKey) ? message : message.Replace(secretKey, "sk_***", StringComparison.Ordinal);
}
