using Reservations.Application.Payments;
using Stripe;

namespace Reservations.Infrastructure.Payments;

internal sealed class StripeConnection(StripeClient client, HttpClient http) : IDisposable
{
    private const int Retries = 2;

    public StripeClient Client { get; } = client;

    public static StripeConnection Open(PaymentsOptions.StripeSettings settings, TimeSpan timeout)
    {
        if (string.IsNullOrWhiteSpace(settings.SecretKey))
        {
            throw new PaymentProviderException(PaymentFailure.Rejected, "Stripe is not configured: Payments:Stripe:SecretKey is empty.");
        }

        // Pooled connections are renewed so that a change of Stripe's addresses is seen by a long-running process.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = timeout };
        var client = new StripeClient(
            settings.SecretKey,
            httpClient: new SystemNetHttpClient(http, maxNetworkRetries: Retries, enableTelemetry: false),
            apiBase: settings.ApiBase.ToString().TrimEnd('/'));
        return new StripeConnection(client, http);
    }

    public void Dispose() => http.Dispose();
}
