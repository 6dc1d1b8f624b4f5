using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Reservations.Application.Products.AdjustStock;
using Reservations.Domain.Products;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// Redis stalls or dies between the two steps of a stock adjustment: the request answers 202 (never a 503 after an undo
/// the stalled script would contradict), and once the Worker has completed what is pending, PostgreSQL's total and
/// Redis's counters agree. These pause or kill the whole server, so they run alone. Four loops of adjustments run as
/// fast as Redis answers after its restart, past the signed-in rate limit, which is not their subject: unthrottled.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class StockAdjustmentFaultTests(UnthrottledApiFactory api, ITestOutputHelper output) : IClassFixture<UnthrottledApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Theory]
    [InlineData(5)]
    [InlineData(-5)]
    public async Task RedisPausedLongerThanTheClientWaits_Answers202Pending_AndTheWorkerCompletesIt(int delta)
    {
        var product = await api.CreateProductAsync(stock: 100);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(api.RedisConnectionString + ",allowAdmin=true");

        // Longer than the client's timeout (5 s): the script waits in Redis, the request gives up, then the script runs.
        await admin.GetServers().Single().ExecuteAsync("CLIENT", "PAUSE", "8000", "WRITE");
        var clock = Stopwatch.StartNew();
        var response = await _admin.AdjustStockAsync(product.Id, delta);
        output.WriteLine($"answered {(int)response.StatusCode} after {clock.ElapsedMilliseconds} ms");

        var pending = await response.ShouldBeJsonAsync<AdjustStockResponse>(HttpStatusCode.Accepted);
        pending.Should().BeEquivalentTo(new { Status = StockAdjustmentStatus.Pending, TotalStock = 100 + delta, Available = (int?)null });
        response.Headers.Location!.ToString().Should().Be($"/api/products/{product.Id}/adjustments/{pending.AdjustmentId}");
        (await _admin.AdjustmentAsync(response.Headers.Location)).Status.Should().Be(StockAdjustmentStatus.Pending);
        await Eventually.TrueAsync(async () => await admin.GetDatabase().PingAsync() < TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        var worker = await api.StartCompletingWorkerAsync();
        try
        {
            await api.UntilNonePendingAsync(product.Id);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        (await _admin.AdjustmentAsync(response.Headers.Location)).Status.Should().Be(StockAdjustmentStatus.Applied);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 100 + delta, Available = 100 + delta });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task RedisKilledWhileAdjustmentsAreInFlight_RestartedFromItsAppendOnlyFile_EveryAdjustmentIsAppliedOnce()
    {
        var product = await api.CreateProductAsync(stock: 1_000);
        var answers = new ConcurrentBag<(HttpStatusCode Status, int Delta)>();
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, 4).Select(loop => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var delta = i % 2 == 0 ? 3 : -2;
                using var response = await _admin.AdjustStockAsync(product.Id, delta);
                answers.Add((response.StatusCode, delta));
            }
        })).ToList();
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(answers.Count >= 40), TimeSpan.FromSeconds(30));
            await RedisServer.KillAsync();
            await Eventually.TrueAsync(() => Task.FromResult(answers.Any(a => a.Status == HttpStatusCode.Accepted)), TimeSpan.FromSeconds(30));
            await RedisServer.StartAsync();
            var afterRestart = answers.Count;
            await Eventually.TrueAsync(
                () => Task.FromResult(answers.Count >= afterRestart + 20 && answers.Any(a => a.Status == HttpStatusCode.Created)),
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(loops);
            await RedisServer.StartAsync();
        }

        var worker = await api.StartCompletingWorkerAsync();
        try
        {
            await api.UntilNonePendingAsync(product.Id);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        output.WriteLine($"{answers.Count(a => a.Status == HttpStatusCode.Created)} answered 201, " +
            $"{answers.Count(a => a.Status == HttpStatusCode.Accepted)} answered 202");
        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.Created || a.Status == HttpStatusCode.Accepted);
        (await api.AdjustmentCountAsync(product.Id, StockAdjustmentStatus.Applied)).Should().Be(answers.Count);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.TotalStock.Should().Be(1_000 + answers.Sum(a => a.Delta));
        ledger.Available.Should().Be(ledger.TotalStock);
        ledger.ShouldBeBalanced();
    }
}
