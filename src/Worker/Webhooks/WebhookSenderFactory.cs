using Microsoft.Extensions.Options;
using Polly;
using Reservations.Application.Webhooks;

namespace Reservations.Worker.Webhooks;

/// <summary>Builds the one HTTP client webhooks go out on: guarded connections, no proxy, no redirects, the attempt timeout.</summary>
public sealed class WebhookSenderFactory(
    IOptions<WebhookDeliveryOptions> options, IOptions<WebhookOptions> webhooks, IWebhookHostResolver resolver, TimeProvider clock)
    : IDisposable
{
    private readonly Lazy<HttpClient> _http = new(() => new HttpClient(new SocketsHttpHandler
    {
        ConnectCallback = GuardedConnection.For(resolver, webhooks.Value.AllowLocalTargets),
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxResponseHeadersLength = 16,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    internal WebhookSender Create() => new(
        _http.Value,
        new ResiliencePipelineBuilder().AddTimeout(options.Value.AttemptTimeout).Build(),
        webhooks.Value.AllowLocalTargets,
        clock);

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }
}
