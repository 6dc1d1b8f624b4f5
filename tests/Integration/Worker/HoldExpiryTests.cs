using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Reservations.Application.Reservations;
using Reservations.Domain.Reservations;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Worker;

public sealed class HoldExpiryTests(ReservationsApiFactory api) : HoldExpirySuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class HoldExpiryOnClusterTests(ClusterApiFactory api) : HoldExpirySuite(api), IClassFixture<ClusterApiFactory>;

/// <summary>Every hold past its deadline comes back within SweepInterval + 2 s, by event or by sweep.</summary>
public abstract class HoldExpirySuite(ReservationsApiFactory api)
{
    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer("alice"));

    [Fact]
    public async Task KeyspaceEvent_WithTheSweeperOff_BringsA1sHoldBackWithin2s()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var worker = await TestWorker.StartAsync(api, ("Reservations:SweepEnabled", "false"));
        try
        {
            var hold = await _alice.ReserveOkAsync(product.Id, quantity: 2);

            await ShouldComeBackByAsync(product.Id, hold.ExpiresAt.AddSeconds(2));

            await ShouldReadExpiredAsync(hold.Id);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task Sweeper_WithTheWorkerNotListening_BringsHoldsBackWithinTwoSweepIntervals()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var worker = await TestWorker.StartAsync(api,
            ("Reservations:KeyspaceEvents", "false"), ("Reservations:SweepInterval", "00:00:00.500"));
        try
        {
            var hold = await _alice.ReserveOkAsync(product.Id, quantity: 3);

            await ShouldComeBackByAsync(product.Id, hold.ExpiresAt.AddSeconds(1));

            await ShouldReadExpiredAsync(hold.Id);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task WorkerStart_AfterHoldsExpiredWhileNoWorkerRan_BringsAllStockBack()
    {
        var product = await api.CreateProductAsync(stock: 20, holdSeconds: 1);
        var holds = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            api.CreateClient(Tokens.Customer($"gone-{i}")).ReserveOkAsync(product.Id, quantity: 2)));
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > holds.Max(h => h.ExpiresAt).AddMilliseconds(200)), TimeSpan.FromSeconds(5));
        (await api.LedgerAsync(product.Id)).Held.Should().Be(20, "no Worker and no reserve has released them yet");

        var worker = await TestWorker.StartAsync(api);
        try
        {
            await ShouldComeBackByAsync(product.Id, DateTimeOffset.UtcNow.AddSeconds(3));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task Worker_WithAMetricsPort_ServesTheExpiryDelayToPrometheus()
    {
        var port = FreePort();
        var product = await api.CreateProductAsync(stock: 1, holdSeconds: 1);
        var worker = await TestWorker.StartAsync(api,
            ("Reservations:MetricsPort", port.ToString(CultureInfo.InvariantCulture)), ("Reservations:MetricsHost", "127.0.0.1"));
        try
        {
            await _alice.ReserveOkAsync(product.Id);
            await ShouldComeBackByAsync(product.Id, DateTimeOffset.UtcNow.AddSeconds(4));
            using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            var scrape = await scraper.ScrapeUntilAsync("reservations_hold_expiry_delay_milliseconds_count");

            scrape.Should().MatchRegex("""reservations_hold_expiry_delay_milliseconds_count\{[^}]*path="(event|sweep)"[^}]*\} [1-9]""");
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task ShouldComeBackByAsync(Guid productId, DateTimeOffset deadline)
    {
        await Eventually.TrueAsync(async () => (await api.LedgerAsync(productId)).Held == 0, deadline - DateTimeOffset.UtcNow);
        var ledger = await api.LedgerAsync(productId);
        ledger.Available.Should().Be(ledger.TotalStock);
        ledger.ShouldBeBalanced();
    }

    private async Task ShouldReadExpiredAsync(Guid holdId) =>
        (await (await _alice.GetReservationAsync(holdId)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Expired);
}
