using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Holds.Carts;

public sealed class CartCrashTests(ReservationsApiFactory api) : CartCrashSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class CartCrashOnClusterTests(ClusterApiFactory api) : CartCrashSuite(api), IClassFixture<ClusterApiFactory>;

/// <summary>
/// An API node killed (SIGKILL) while it takes carts: a cart it was taking is held whole or not at all, and what it held
/// goes back at the hold's own deadline, with nobody left to release it.
/// </summary>
public abstract class CartCrashSuite(ReservationsApiFactory api)
{
    private const int Stock = 1000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnApiNodeKilledWhileTakingCarts_LeavesNothingHeldPastTheHoldsDeadline_AndEveryLedgerBalanced()
    {
        var products = await api.CreateSaleAsync(Stock, Stock);
        var (ticket, parking) = (products[0].Id, products[1].Id);
        var node = await ApiProcess.StartAsync(api);
        var run = Guid.NewGuid().ToString("N")[..8];
        var clients = Enumerable.Range(0, 32).Select(i =>
        {
            var client = node.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Customer($"crash-{run}-{i}"));
            return client;
        }).ToArray();
        var answered = 0;
        var loops = clients.Select(client => Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var response = await client.ReserveCartAsync([(ticket, 1), (parking, 2)], holdSeconds: 2);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        Interlocked.Increment(ref answered);
                    }
                }
            }
            catch (HttpRequestException)
            {
                // The node is gone: the request in flight may or may not have been taken.
            }
        }, Ct)).ToArray();

        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref answered) >= 50), TimeSpan.FromSeconds(30));
        node.Dispose();
        await Task.WhenAll(loops);
        var held = await HeldAsync(ticket, parking);

        held[1].Should().Be(2 * held[0], "every cart holds 1 ticket and 2 parking places, or nothing");
        var gate = api.Services.GetRequiredService<IHoldExpiry>();
        await Eventually.TrueAsync(async () =>
        {
            await gate.ExpireDueAsync(api.Keys.ShardOf(ticket), Ct);
            return (await HeldAsync(ticket, parking)).All(units => units == 0);
        }, TimeSpan.FromSeconds(15));
        var ledgers = await Task.WhenAll(api.LedgerAsync(ticket), api.LedgerAsync(parking));
        ledgers.Select(l => l.Available).Should().Equal(Stock, Stock);
        ledgers.Should().AllSatisfy(l => l.ShouldBeBalanced());
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    // Both products' held units in one read: they share the sale's shard, so one hash.
    private async Task<int[]> HeldAsync(Guid ticket, Guid parking) =>
        [.. (await api.Redis.HashGetAsync(
                api.Keys.Stock(api.Keys.ShardOf(ticket)),
                [RedisKeys.StockField(ticket, 'h'), RedisKeys.StockField(parking, 'h')]))
            .Select(value => (int)value)];
}
