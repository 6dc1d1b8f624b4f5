using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// Redis loses its data while the API and the Worker run (here every key of the deployment is deleted: what FLUSHALL
/// does to a Redis of its own). Nobody restarts anything: the Worker notices the missing markers and builds the state
/// again from PostgreSQL.
/// </summary>
public sealed class StateLossTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task AfterRedisLostItsData_ReservesAnswer201Within10s_LimitsCountTheOrders_AndNoUnitBeyondPostgres()
    {
        var worker = await TestWorker.StartAsync(api);
        try
        {
            var product = await api.CreateProductAsync(stock: 10, maxPerCustomer: 2);
            var ann = api.CreateClient(Tokens.Customer("ann"));
            foreach (var hold in new[] { await ann.ReserveOkAsync(product.Id), await ann.ReserveOkAsync(product.Id) })
            {
                (await ann.PurchaseAsync(hold.Id)).StatusCode.Should().Be(HttpStatusCode.OK);
            }

            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)) is { Sold: 2, Purchasing: 0 }, TimeSpan.FromSeconds(15));
            await api.CreateClient(Tokens.Customer("bob")).ReserveOkAsync(product.Id);

            await TestRedis.DeleteKeysAsync(api.Services.GetRequiredService<IConnectionMultiplexer>(), api.KeyPrefix);
            var lost = Stopwatch.StartNew();
            var carl = api.CreateClient(Tokens.Customer("carl"));
            await Eventually.TrueAsync(async () => (await carl.ReserveAsync(product.Id)).StatusCode == HttpStatusCode.Created,
                TimeSpan.FromSeconds(10));

            lost.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
            var refused = await ann.ReserveAsync(product.Id);
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("limit-exceeded");
            var ledger = await api.LedgerAsync(product.Id);
            ledger.Should().BeEquivalentTo(new { TotalStock = 10, Sold = 2, Held = 1, Purchasing = 0, Available = 7 });
            ledger.ShouldBeBalanced();

            // The loss took the layout record too: the rebuild recorded it again, so a process started now is not refused.
            ((string?)await api.Redis.StringGetAsync(api.Keys.Layout)).Should().Be($"version={RedisLayout.Version} shards={api.Keys.Shards}");
            await TestWorker.StopAsync(await TestWorker.StartAsync(api));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task ARebuildThatFailedAfterSettingTheMarkers_IsRunAgainWhole_UntilOneSucceeds()
    {
        var worker = await TestWorker.StartAsync(api);
        try
        {
            var product = await api.CreateProductAsync(stock: 10);
            await TestRedis.DeleteKeysAsync(api.Services.GetRequiredService<IConnectionMultiplexer>(), api.KeyPrefix);
            await api.ExecuteAsync("ALTER TABLE products RENAME TO products_away");
            try
            {
                // The markers are set before the pass reads the catalog, which fails now.
                await Eventually.TrueAsync(() => api.Redis.KeyExistsAsync(api.Keys.StateMarker(0)), TimeSpan.FromSeconds(10));
            }
            finally
            {
                await api.ExecuteAsync("ALTER TABLE products_away RENAME TO products");
            }

            var carl = api.CreateClient(Tokens.Customer("carl"));
            await Eventually.TrueAsync(async () => (await carl.ReserveAsync(product.Id)).StatusCode == HttpStatusCode.Created,
                TimeSpan.FromSeconds(10));
            (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }
}
