using System.Net;
using System.Text.Json;
using Reservations.Application.Common.Paging;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Create;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>The admin's webhook routes, through real HTTP.</summary>
public static class WebhookCalls
{
    public static Task<HttpResponseMessage> CreateWebhookAsync(this HttpClient admin, string url, params string[] events) =>
        admin.PostJsonAsync("/api/admin/webhooks", new { url, events, description = "test receiver" });

    /// <summary>Registers the receiver for the event types and gives it the endpoint's secret.</summary>
    public static async Task<CreatedWebhookEndpointResponse> RegisterAsync(
        this ReservationsApiFactory api, WebhookReceiver receiver, params string[] events)
    {
        var created = await (await api.CreateClient(Tokens.Admin()).CreateWebhookAsync(receiver.Url, events))
            .ShouldBeJsonAsync<CreatedWebhookEndpointResponse>(HttpStatusCode.Created);
        receiver.Secret = created.Secret;
        return created;
    }

    public static async Task<IReadOnlyList<WebhookEndpointResponse>> ListWebhooksAsync(this ReservationsApiFactory api) =>
        await (await api.CreateClient(Tokens.Admin()).GetAsync(new Uri("/api/admin/webhooks", UriKind.Relative), TestContext.Current.CancellationToken))
            .ShouldBeJsonAsync<List<WebhookEndpointResponse>>(HttpStatusCode.OK);

    public static async Task<PagedResponse<WebhookDeliveryResponse>> DeliveriesAsync(this ReservationsApiFactory api, Guid endpointId) =>
        await (await api.CreateClient(Tokens.Admin()).GetAsync(
                new Uri($"/api/admin/webhooks/{endpointId}/deliveries?pageSize=100", UriKind.Relative), TestContext.Current.CancellationToken))
            .ShouldBeJsonAsync<PagedResponse<WebhookDeliveryResponse>>(HttpStatusCode.OK);

    public static T DataAs<T>(this ReceivedWebhook webhook) => webhook.Data.Deserialize<T>(HttpAssertions.Json)!;
}
