using System.Net;
using Reservations.Application.Webhooks;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Webhooks;

/// <summary>Endpoints that fail or hang: retried on schedule, disabled past the window, never holding up the others.</summary>
public sealed class WebhookFailureTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Fact]
    public async Task AnEndpointFailingPastTheRetryWindow_IsDisabledWithItsReason_AndTheRetryRouteDeliversAndEnablesItAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => Task.FromResult(500);
        var endpoint = await api.RegisterAsync(receiver, WebhookEventTypes.StockAdjusted);
        var product = await api.CreateProductAsync(stock: 10);
        // Ten one-second retries fit in the window, however late the first attempt starts on a busy machine.
        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.With(("Webhooks:RetryWindow", "00:00:10")));
        try
        {
            (await _admin.AdjustStockAsync(product.Id, 1)).StatusCode.Should().Be(HttpStatusCode.Created);
            await Eventually.TrueAsync(async () => (await api.ListWebhooksAsync()).Single(e => e.Id == endpoint.Id).Enabled == false,
                TimeSpan.FromSeconds(30));
            var disabled = (await api.ListWebhooksAsync()).Single(e => e.Id == endpoint.Id);
            disabled.DisabledReason.Should().Contain("HTTP 500");
            var failed = (await api.DeliveriesAsync(endpoint.Id)).Items.Should().ContainSingle().Subject;
            failed.Should().BeEquivalentTo(new { Status = WebhookDeliveryStatus.Failed, LastStatusCode = 500, NextAttemptAt = (DateTimeOffset?)null });
            failed.Attempts.Should().BeGreaterThan(1, "it was retried before it failed for good");
            receiver.Received.Select(r => r.Id).Distinct().Should().ContainSingle("every retry carries the same webhook-id");

            receiver.Respond = _ => Task.FromResult(204);
            var retried = await _admin.PostAsync(
                new Uri($"/api/admin/webhooks/{endpoint.Id}/deliveries/{failed.Id}/retry", UriKind.Relative), null, TestContext.Current.CancellationToken);
            // Pending, or already delivered when the Worker's next poll came first.
            (await retried.ShouldBeJsonAsync<WebhookDeliveryResponse>(HttpStatusCode.Accepted)).Status
                .Should().BeOneOf(WebhookDeliveryStatus.Pending, WebhookDeliveryStatus.Delivered);

            await Eventually.TrueAsync(() => Task.FromResult(!receiver.Acknowledged.IsEmpty), TimeSpan.FromSeconds(30));
            await Eventually.TrueAsync(async () => (await api.DeliveriesAsync(endpoint.Id)).Items[0].Status == WebhookDeliveryStatus.Delivered,
                TimeSpan.FromSeconds(10));
            receiver.Acknowledged.Should().Equal(failed.EventId.ToString());
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        (await api.ListWebhooksAsync()).Single(e => e.Id == endpoint.Id).Should().BeEquivalentTo(new { Enabled = true, DisabledReason = (string?)null });
    }

    [Fact]
    public async Task ASlowEndpoint_DoesNotDelayAFastOne()
    {
        await using var slow = await WebhookReceiver.StartAsync();
        slow.Respond = async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return 200;
        };
        await api.RegisterAsync(slow, WebhookEventTypes.StockAdjusted);
        var product = await api.CreateProductAsync(stock: 10);
        // Attempts may take 20 s: were the endpoints served one after another, the fast one would wait that long.
        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.With(("Webhooks:Delivery:AttemptTimeout", "00:00:20"), ("Webhooks:Delivery:Lease", "00:01:00")));
        try
        {
            (await _admin.AdjustStockAsync(product.Id, 1)).StatusCode.Should().Be(HttpStatusCode.Created);
            await Eventually.TrueAsync(() => Task.FromResult(slow.Received.Count >= 1), TimeSpan.FromSeconds(15));

            await using var fast = await WebhookReceiver.StartAsync();
            await api.RegisterAsync(fast, WebhookEventTypes.StockAdjusted);
            for (var i = 0; i < 3; i++)
            {
                (await _admin.AdjustStockAsync(product.Id, 1)).StatusCode.Should().Be(HttpStatusCode.Created);
            }

            await Eventually.TrueAsync(() => Task.FromResult(fast.Acknowledged.Count == 3), TimeSpan.FromSeconds(10));
            fast.Received.Should().OnlyContain(r => r.Verified);
            slow.Acknowledged.Should().BeEmpty("the slow endpoint still holds its first request");
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task AnEndpointWhoseNameNowResolvesToALocalAddress_IsRefusedAtConnectTime()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // Registered where local targets are allowed; the Worker below runs with them refused, as if the name had
        // been re-pointed at a local address after registration (DNS rebinding).
        var endpoint = await (await _admin.CreateWebhookAsync($"https://localhost:{receiver.Port}/hooks", WebhookEventTypes.StockAdjusted))
            .ShouldBeJsonAsync<Application.Webhooks.Create.CreatedWebhookEndpointResponse>(HttpStatusCode.Created);
        var product = await api.CreateProductAsync(stock: 10);
        (await _admin.AdjustStockAsync(product.Id, 1)).StatusCode.Should().Be(HttpStatusCode.Created);

        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.With(("Webhooks:AllowLocalTargets", "false")));
        try
        {
            await Eventually.TrueAsync(async () => (await api.DeliveriesAsync(endpoint.Id)).Items is [{ Attempts: >= 1 }],
                TimeSpan.FromSeconds(30));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        (await api.DeliveriesAsync(endpoint.Id)).Items[0].LastError.Should().StartWith("Refused to connect to localhost");
        receiver.Received.Should().BeEmpty();
    }
}
