using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Gate;

/// <summary>
/// Group commit with many requests in flight on one shard, when Redis stalls, and at shutdown. These run alone: they
/// count the script calls of the whole server, and pause it.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class GroupCommitUnderLoadTests(UnthrottledApiFactory api) : IClassFixture<UnthrottledApiFactory>
{
    private const int Customers = 200;
    private const int RequestsPerCustomer = 3;
    private const int Stock = 250;

    [Fact]
    public async Task ManyConcurrentReservesOnOneProduct_GoInBatches_AndSellExactlyTheStockWithinEachLimit()
    {
        var product = await api.CreateProductAsync(Stock, maxPerCustomer: RequestsPerCustomer);
        var gate = api.Services.GetRequiredService<IHoldGate>();
        await using var admin = await AdminAsync();
        var callsBefore = await ScriptCallsAsync(admin);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Customers * RequestsPerCustomer).Select(i => gate.ReserveAsync(
            new ReserveRequest(product.Id, CustomerId.From($"crowd-{i % Customers}"), Quantity.From(1), null),
            TestContext.Current.CancellationToken)));

        var scriptCalls = await ScriptCallsAsync(admin) - callsBefore;
        outcomes.Count(o => o.IsSuccess).Should().Be(Stock);
        outcomes.Where(o => !o.IsSuccess).Should().OnlyContain(o => o.Error!.Code == "out-of-stock");
        outcomes.Where(o => o.IsSuccess).GroupBy(o => o.Value.Customer).Should().OnlyContain(g => g.Count() <= RequestsPerCustomer);
        scriptCalls.Should().BeLessThan(outcomes.Length / 4, "requests that wait for a call in flight go together in the next");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 0, Held = Stock });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task RedisPausedWhileBatchesAreInFlight_EachRequestIsAnsweredAsAlone_AndARetryWithItsKeyNeverTakesTwice()
    {
        var product = await api.CreateProductAsync(stock: 1_000);
        var customers = Enumerable.Range(0, 40).Select(i => api.CreateClient(Tokens.Customer($"paused-{i}"))).ToArray();
        await using var admin = await AdminAsync();

        // Longer than the client's timeout (5 s): the calls waiting in Redis time out, then run once the pause ends.
        await admin.GetServers().Single().ExecuteAsync("CLIENT", "PAUSE", "7000", "WRITE");
        var first = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await customers[i % customers.Length].ReserveAsync(product.Id, idempotencyKey: $"key-{i}");
            return response.StatusCode;
        }));
        await Eventually.TrueAsync(async () => await admin.GetDatabase().PingAsync() < TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        first.Should().OnlyContain(s => s == HttpStatusCode.Created || s == HttpStatusCode.ServiceUnavailable);
        var retried = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
            await (await customers[i % customers.Length].ReserveAsync(product.Id, idempotencyKey: $"key-{i}"))
                .ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created)));
        retried.Select(h => h.Id).Distinct().Should().HaveCount(200, "each key took one hold, whether its first answer was 201 or 503");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Held = 200, Available = 800 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Shutdown_WithReservesQueued_SendsOrAnswersEachOne_AndNothingIsHalfDone()
    {
        var product = await api.CreateProductAsync(stock: 10_000);
        var instance = api.WithWebHostBuilder(_ => { });
        var gate = instance.Services.GetRequiredService<IHoldGate>();
        var reserves = Enumerable.Range(0, 2_000).Select(i => gate.ReserveAsync(
            new ReserveRequest(product.Id, CustomerId.From($"leaving-{i}"), Quantity.From(1), null), CancellationToken.None)).ToList();

        await instance.DisposeAsync();

        var answered = await Task.WhenAll(reserves.Select(async reserve =>
        {
            try
            {
                return await reserve;
            }
            catch (RedisException)
            {
                return null;
            }
        }));
        answered.Should().OnlyContain(a => a == null || a.IsSuccess);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Held.Should().Be(answered.Count(a => a is { IsSuccess: true }), "every hold taken was answered, and no other");
        ledger.ShouldBeBalanced();
    }

    private async Task<ConnectionMultiplexer> AdminAsync() =>
        await ConnectionMultiplexer.ConnectAsync(api.RedisConnectionString + ",allowAdmin=true");

    private static async Task<long> ScriptCallsAsync(ConnectionMultiplexer admin)
    {
        var stats = await admin.GetServers().Single().InfoAsync("commandstats");
        return stats.SelectMany(g => g)
            .Where(p => p.Key is "cmdstat_evalsha" or "cmdstat_eval")
            .Sum(p => long.Parse(p.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
