using System.Net;
using Reservations.Application.Webhooks;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Webhooks;

/// <summary>A receiver down for a while, and a Worker killed mid-delivery: every event still arrives, under one id each.</summary>
public sealed class WebhookOutageTests(ReservationsApiFactory api, ITestOutputHelper output) : IClassFixture<ReservationsApiFactory>
{
    private const int Adjustments = 12;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AReceiverDownFor30Seconds_ThenUp_GetsEveryEventOnceByIdWithoutSecondIds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await api.RegisterAsync(receiver, WebhookEventTypes.StockAdjusted);
        await receiver.DownAsync();
        var product = await api.CreateProductAsync(stock: 10);
        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.Quick);
        try
        {
            var adjustments = await AdjustAsync(product.Id);
            // The outage is the scenario itself, not a wait for background work.
            await Task.Delay(Outage, TestContext.Current.CancellationToken);
            var attemptsWhileDown = (await api.DeliveriesAsync(endpoint.Id)).Items.Sum(d => d.Attempts);
            await receiver.UpAsync();

            await Eventually.TrueAsync(() => Task.FromResult(receiver.Acknowledged.Distinct().Count() == Adjustments), TimeSpan.FromSeconds(30));
            output.WriteLine($"{attemptsWhileDown} failed attempts while the receiver was down");
            attemptsWhileDown.Should().BeGreaterThanOrEqualTo(Adjustments, "each delivery was tried while the receiver was down");
            ShouldHaveOneIdPerAdjustment(receiver, adjustments);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task AWorkerKilledMidDelivery_ThenRestarted_DeliversEveryEvent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Respond = ct => release.Task.WaitAsync(ct);
        await api.RegisterAsync(receiver, WebhookEventTypes.StockAdjusted);
        var product = await api.CreateProductAsync(stock: 10);
        var adjustments = await AdjustAsync(product.Id);
        // The process runs as Production elsewhere; local targets are allowed only in Development.
        (string, string)[] settings = [.. WebhookWorkerSettings.With(("Webhooks:Delivery:Lease", "00:00:11"), ("DOTNET_ENVIRONMENT", "Development"))];

        using (var first = WorkerProcess.Start(api, settings))
        {
            await Eventually.TrueAsync(() => Task.FromResult(receiver.Received.Count >= 1), TimeSpan.FromSeconds(30));
            first.Kill();
        }

        receiver.Acknowledged.Should().BeEmpty("every request was held open when the Worker died");
        release.SetResult(200);
        receiver.Respond = _ => Task.FromResult(200);
        using (WorkerProcess.Start(api, settings))
        {
            await Eventually.TrueAsync(() => Task.FromResult(receiver.Acknowledged.Distinct().Count() == Adjustments), TimeSpan.FromSeconds(60));
        }

        ShouldHaveOneIdPerAdjustment(receiver, adjustments);
    }

    private async Task<List<Guid>> AdjustAsync(Guid productId)
    {
        var admin = api.CreateClient(Tokens.Admin());
        var ids = new List<Guid>();
        for (var i = 0; i < Adjustments; i++)
        {
            var response = await admin.AdjustStockAsync(productId, 1);
            response.StatusCode.Should().Be(HttpStatusCode.Created);
            ids.Add((await admin.AdjustmentAsync(response.Headers.Location!)).Id);
        }

        return ids;
    }

    private static void ShouldHaveOneIdPerAdjustment(WebhookReceiver receiver, List<Guid> adjustments)
    {
        receiver.Received.Should().OnlyContain(r => r.Verified);
        var idsPerAdjustment = receiver.Received.GroupBy(r => r.Data.GetProperty("id").GetGuid())
            .ToDictionary(g => g.Key, g => g.Select(r => r.Id).Distinct().ToList());
        idsPerAdjustment.Keys.Should().BeEquivalentTo(adjustments);
        idsPerAdjustment.Values.Should().OnlyContain(ids => ids.Count == 1, "a retry carries the webhook-id of its first attempt");
    }
}
