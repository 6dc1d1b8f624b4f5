using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Purchases.Persist;
using Reservations.Application.Webhooks;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Webhooks;

/// <summary>
/// The PostgreSQL producers write an event in the same statement as their change, only for types an enabled endpoint
/// wants, and only once per change.
/// </summary>
public sealed class WebhookOutboxTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task StockAdjusted_IsNotWrittenWhileNoEnabledEndpointWantsIt_ThenOncePerAdjustment()
    {
        var admin = api.CreateClient(Tokens.Admin());
        var product = await api.CreateProductAsync(stock: 10);
        (await admin.AdjustStockAsync(product.Id, 1)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await EventCountAsync(WebhookEventTypes.StockAdjusted, product.Id)).Should().Be(0);

        await admin.CreateWebhookAsync("http://127.0.0.1:9/outbox", WebhookEventTypes.StockAdjusted);
        (await admin.AdjustStockAsync(product.Id, 2, idempotencyKey: "twice")).StatusCode.Should().Be(HttpStatusCode.Created);
        (await admin.AdjustStockAsync(product.Id, 2, idempotencyKey: "twice")).StatusCode.Should().Be(HttpStatusCode.Created);

        (await EventCountAsync(WebhookEventTypes.StockAdjusted, product.Id)).Should().Be(1);
    }

    [Fact]
    public async Task OrderCompleted_IsWrittenOncePerOrder_EvenWhenTheBatchIsPersistedAgain()
    {
        await api.CreateClient(Tokens.Admin()).CreateWebhookAsync("http://127.0.0.1:9/orders", WebhookEventTypes.OrderCompleted);
        var product = await api.CreateProductAsync(stock: 10);
        var bob = api.CreateClient(Tokens.Customer($"bob-{Guid.NewGuid():N}"));
        var hold = await bob.ReserveOkAsync(product.Id);
        (await bob.PurchaseAsync(hold.Id)).StatusCode.Should().Be(HttpStatusCode.OK);
        var purchase = new PendingPurchase("0-1", hold.Id, hold.CustomerId, [new PurchaseLine(product.Id, hold.Quantity!.Value, hold.UnitPrice!.Value)],
            DateTimeOffset.UtcNow, hold.CreatedAt, hold.ExpiresAt);

        using (var scope = api.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IPurchaseStore>();
            await store.PersistAsync([purchase], TestContext.Current.CancellationToken);
            await store.PersistAsync([purchase], TestContext.Current.CancellationToken);
        }

        (await EventCountAsync(WebhookEventTypes.OrderCompleted, product.Id)).Should().Be(1);
    }

    private Task<long> EventCountAsync(string type, Guid productId) =>
        api.ScalarAsync<long>($"SELECT count(*) FROM webhook_events WHERE type = '{type}' AND data->>'productId' = '{productId}'");
}
