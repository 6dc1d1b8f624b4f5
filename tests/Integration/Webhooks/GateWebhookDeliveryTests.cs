using System.Net;
using Reservations.Application.Holds;
using Reservations.Application.Webhooks;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker;

namespace Reservations.IntegrationTests.Webhooks;

// An expiry deadline: timing that needs the machine to itself.
[Collection(RunsAlone.Name)]
public sealed class GateWebhookDeliveryTests(ReservationsApiFactory api) : GateWebhookDeliverySuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RunsAlone.Name)]
public sealed class GateWebhookDeliveryOnClusterTests(ClusterApiFactory api) : GateWebhookDeliverySuite(api), IClassFixture<ClusterApiFactory>;

/// <summary>The gate's events (written by its scripts, drained by the Worker) reach the endpoints, signed.</summary>
public abstract class GateWebhookDeliverySuite(ReservationsApiFactory api)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HoldEvents_FromTheGate_AreDeliveredSignedWithTheHoldAsTheApiAnswered_AndExpiryWithinItsPromise()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.RegisterAsync(receiver, WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldPurchased,
            WebhookEventTypes.HoldReleased, WebhookEventTypes.HoldExpired);
        var product = await api.CreateProductAsync(stock: 10);
        var shortHolds = await api.CreateProductAsync(stock: 10, holdSeconds: 1);
        var alice = api.CreateClient(Tokens.Customer($"alice-{Guid.NewGuid():N}"));
        var sweep = TimeSpan.FromSeconds(1);
        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.With(("Worker:SweepInterval", sweep.ToString())));
        try
        {
            var bought = await alice.ReserveOkAsync(product.Id, quantity: 2);
            var purchased = await (await alice.PurchaseAsync(bought.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
            var released = await alice.ReserveOkAsync(product.Id, quantity: 1);
            (await alice.ReleaseAsync(released.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);
            var expiring = await alice.ReserveOkAsync(shortHolds.Id, quantity: 3);

            // The expiry promise, plus one delivery: the drainer's and the dispatcher's polls and the request itself.
            var promise = expiring.ExpiresAt + new WorkerOptions { SweepInterval = sweep }.ReleasePromise + TimeSpan.FromSeconds(1);
            await Eventually.TrueAsync(
                () => Task.FromResult(receiver.Received.Any(w => w.Type == WebhookEventTypes.HoldExpired)),
                Clamp(promise - DateTimeOffset.UtcNow));
            await Eventually.TrueAsync(() => Task.FromResult(Distinct(receiver).Count >= 6), Delivery);

            // At least once: a resend has the same id, and counts once.
            var byType = Distinct(receiver).Should().HaveCount(6).And.OnlyContain(w => w.Verified).And.Subject
                .GroupBy(w => w.Type).ToDictionary(g => g.Key, g => g.Select(w => w.DataAs<ReservationResponse>()).ToList());
            byType[WebhookEventTypes.HoldCreated].Should().BeEquivalentTo([bought, released, expiring]);
            byType[WebhookEventTypes.HoldPurchased].Should().Equal(purchased);
            byType[WebhookEventTypes.HoldReleased].Should().Equal(released with { Status = HoldStatus.Released });
            byType[WebhookEventTypes.HoldExpired].Should().Equal(expiring with { Status = HoldStatus.Expired });
            receiver.Received.GroupBy(w => w.Id).Should().OnlyContain(g => g.Select(w => w.Body).Distinct().Count() == 1);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    private static List<ReceivedWebhook> Distinct(WebhookReceiver receiver) => [.. receiver.Received.DistinctBy(w => w.Id)];

    private static TimeSpan Clamp(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
}
