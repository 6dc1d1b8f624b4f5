using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Purchases;
using Reservations.Application.Webhooks;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Webhooks;

public sealed class WebhookDeliveryTests(ReservationsApiFactory api) : WebhookDeliverySuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class WebhookDeliveryOnClusterTests(ClusterApiFactory api) : WebhookDeliverySuite(api), IClassFixture<ClusterApiFactory>;

/// <summary>Events written with their change in PostgreSQL reach the endpoints through the real Worker, signed.</summary>
public abstract class WebhookDeliverySuite(ReservationsApiFactory api)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OrderCompleted_IsDeliveredSignedWithTheOrderAsTheApiReturnsIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.RegisterAsync(receiver, WebhookEventTypes.OrderCompleted);
        var product = await api.CreateProductAsync(stock: 10);
        var alice = api.CreateClient(Tokens.Customer($"alice-{Guid.NewGuid():N}"));
        var hold = await alice.ReserveOkAsync(product.Id, quantity: 2);
        (await alice.PurchaseAsync(hold.Id)).StatusCode.Should().Be(HttpStatusCode.OK);

        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.Quick);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(!receiver.Acknowledged.IsEmpty), Delivery);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        var order = await (await alice.GetAsync(new Uri($"/api/orders/{hold.Id}", UriKind.Relative), TestContext.Current.CancellationToken))
            .ShouldBeJsonAsync<OrderResponse>(HttpStatusCode.OK);
        var webhook = receiver.Received.Should().ContainSingle().Subject;
        webhook.Verified.Should().BeTrue();
        webhook.Type.Should().Be(WebhookEventTypes.OrderCompleted);
        webhook.DataAs<OrderResponse>().Should().Be(order);
        webhook.Json.GetProperty("id").GetString().Should().Be(webhook.Id);
        webhook.Json.GetProperty("createdAt").GetDateTimeOffset().Should().BeAfter(order.PurchasedAt.AddSeconds(-1));
    }

    [Fact]
    public async Task StockAdjusted_IsDeliveredOncePerAppliedAdjustment()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.RegisterAsync(receiver, WebhookEventTypes.StockAdjusted);
        var product = await api.CreateProductAsync(stock: 10);
        var admin = api.CreateClient(Tokens.Admin());
        var adjusted = await admin.AdjustStockAsync(product.Id, 5, reason: "second show");
        adjusted.StatusCode.Should().Be(HttpStatusCode.Created);
        var adjustment = await admin.AdjustmentAsync(adjusted.Headers.Location!);

        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.Quick);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(!receiver.Acknowledged.IsEmpty), Delivery);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        var webhook = receiver.Received.Should().ContainSingle().Subject;
        webhook.Verified.Should().BeTrue();
        webhook.Type.Should().Be(WebhookEventTypes.StockAdjusted);
        webhook.Data.GetProperty("productId").GetGuid().Should().Be(product.Id);
        webhook.DataAs<Application.Products.Adjustments.StockAdjustmentResponse>().Should().Be(adjustment);
    }

    [Fact]
    public async Task ATamperedBody_FailsVerificationInTheReceiver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.RegisterAsync(receiver, WebhookEventTypes.StockAdjusted);
        var product = await api.CreateProductAsync(stock: 10);
        (await api.CreateClient(Tokens.Admin()).AdjustStockAsync(product.Id, 3)).StatusCode.Should().Be(HttpStatusCode.Created);

        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.Quick);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(!receiver.Acknowledged.IsEmpty), Delivery);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        var webhook = receiver.Received[0];
        receiver.Verifies(webhook.Body, webhook.Headers).Should().BeTrue();
        receiver.Verifies(webhook.Body.Replace("\"delta\": 3", "\"delta\": 300", StringComparison.Ordinal), webhook.Headers).Should().BeFalse();
    }

    [Fact]
    public async Task EventsAppendedThroughThePortTwice_AreDeliveredOnceEach()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.RegisterAsync(receiver, WebhookEventTypes.HoldExpired);
        WebhookEvent[] events = [.. Enumerable.Range(0, 3).Select(i => new WebhookEvent(
            Guid.NewGuid(), WebhookEventTypes.HoldExpired, DateTimeOffset.UtcNow, $$"""{"id":"{{Guid.NewGuid()}}","quantity":{{i + 1}}}"""))];
        using (var scope = api.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IWebhookEventStore>();
            await store.AppendAsync(events, TestContext.Current.CancellationToken);
            await store.AppendAsync(events, TestContext.Current.CancellationToken);
        }

        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.Quick);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(receiver.Acknowledged.Count == events.Length), Delivery);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        receiver.Received.Select(r => r.Id).Should().BeEquivalentTo(events.Select(e => e.Id.ToString()));
        receiver.Received.Should().OnlyContain(r => r.Verified && r.Type == WebhookEventTypes.HoldExpired);
    }

    [Fact]
    public async Task TwoWorkers_SendEveryEventOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.RegisterAsync(receiver, WebhookEventTypes.HoldReleased);
        WebhookEvent[] events = [.. Enumerable.Range(0, 40).Select(_ => new WebhookEvent(
            Guid.NewGuid(), WebhookEventTypes.HoldReleased, DateTimeOffset.UtcNow, $$"""{"id":"{{Guid.NewGuid()}}"}"""))];
        using (var scope = api.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IWebhookEventStore>().AppendAsync(events, TestContext.Current.CancellationToken);
        }

        var first = await TestWorker.StartAsync(api, WebhookWorkerSettings.Quick);
        var second = await TestWorker.StartAsync(api, WebhookWorkerSettings.Quick);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(receiver.Acknowledged.Count >= events.Length), Delivery);
        }
        finally
        {
            await TestWorker.StopAsync(first);
            await TestWorker.StopAsync(second);
        }

        receiver.Received.Select(r => r.Id).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(events.Select(e => e.Id.ToString()));
    }

    [Fact]
    public async Task TheWorker_SetsTheGatesEventSwitchAgainWhenRedisLostIt()
    {
        await api.CreateClient(Tokens.Admin()).CreateWebhookAsync("http://127.0.0.1:9/switch", WebhookEventTypes.HoldCreated);
        var shard = api.Keys.Shards - 1;
        await api.Redis.KeyDeleteAsync(api.Keys.EventTypes(shard));

        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.Quick);
        try
        {
            await Eventually.TrueAsync(async () => (await api.SwitchedTypesAsync(shard)).Contains(WebhookEventTypes.HoldCreated),
                TimeSpan.FromSeconds(15));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }
}
