using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Timeout;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Delivery;
using StandardWebhooks;

namespace Reservations.Worker.Webhooks;

/// <summary>
/// One attempt: POSTs the event signed per Standard Webhooks (webhook-id = the event id, the same on every retry),
/// within the attempt timeout, reading at most 4 KiB of the answer. Never follows redirects, never uses a proxy (the
/// connection guard must see the real target).
/// </summary>
internal sealed class WebhookSender(HttpClient http, ResiliencePipeline timeout, bool allowLocalTargets, TimeProvider clock)
{
    private const int MaxResponseBytes = 4 * 1024;

    public async Task<AttemptOutcome> SendAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        var url = new Uri(delivery.Url);
        if (!WebhookTargets.IsAllowedScheme(url, allowLocalTargets))
        {
            return new AttemptOutcome(null, $"Refused: {url.Scheme} is not allowed for this endpoint.");
        }

        try
        {
            return await timeout.ExecuteAsync(async ct => await PostAsync(url, delivery, ct), cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return new AttemptOutcome(null, "Timed out.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(null, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
    }

    private async Task<AttemptOutcome> PostAsync(Uri url, DueDelivery delivery, CancellationToken cancellationToken)
    {
        var body = WebhookMessage.Body(delivery);
        var now = clock.GetUtcNow();
        var id = delivery.EventId.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(delivery.Secret).Sign(id, now, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Reservations-Webhooks", "1"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await DrainAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        return new AttemptOutcome(status, response.IsSuccessStatusCode ? null : $"HTTP {status}.");
    }

    // The body means nothing to us; a few KiB are read so a small answer completes, and a large one is cut off.
    private static async Task DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxResponseBytes];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += count;
        }
    }
}
