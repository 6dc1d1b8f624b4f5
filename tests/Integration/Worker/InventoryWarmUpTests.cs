using System.Net;
using Reservations.Application.Products;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

public sealed class InventoryWarmUpTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Fact]
    public async Task WorkerStart_WhenAProductHasNoRedisState_RecreatesItFromPostgres()
    {
        var product = await CreateAsync(stock: 40);
        var (stock, catalog) = Keys(product.Id);
        await api.Redis.HashDeleteAsync(stock, [.. "ahp".Select(c => (RedisValue)RedisKeys.StockField(product.Id, c))]);
        await api.Redis.HashDeleteAsync(catalog, RedisKeys.ProductField(product.Id));

        await RunWorkerUntilAsync(async () => (await api.Redis.HashGetAsync(stock, Available(product.Id))).HasValue);

        (await api.Redis.HashGetAsync(stock, Available(product.Id))).ToString().Should().Be("40");
        (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
        (await api.Redis.HashGetAsync(catalog, RedisKeys.ProductField(product.Id))).ToString().Should().Be("600||1800|||0|49.90");
    }

    [Fact]
    public async Task WorkerStart_WhenAProductHasRedisState_NeverOverwritesIt()
    {
        var product = await CreateAsync(stock: 40);
        var (stock, _) = Keys(product.Id);
        await api.Redis.HashSetAsync(stock, Available(product.Id), 7);
        var other = await CreateAsync(stock: 5);
        await api.Redis.HashDeleteAsync(Keys(other.Id).Stock, Available(other.Id));

        await RunWorkerUntilAsync(async () => (await api.Redis.HashGetAsync(Keys(other.Id).Stock, Available(other.Id))).HasValue);

        (await api.Redis.HashGetAsync(stock, Available(product.Id))).ToString().Should().Be("7");
    }

    private async Task RunWorkerUntilAsync(Func<Task<bool>> done)
    {
        var worker = await TestWorker.StartAsync(api);
        try
        {
            await Eventually.TrueAsync(done, TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    private static byte[] Available(Guid productId) => RedisKeys.StockField(productId, 'a');

    private (string Stock, string Catalog) Keys(Guid productId)
    {
        var keys = api.Keys;
        var shard = keys.ShardOf(productId);
        return (keys.Stock(shard)!, keys.Catalog(shard)!);
    }

    private async Task<ProductResponse> CreateAsync(int stock) =>
        await (await _admin.PostJsonAsync("/api/products", ProductRequests.Valid(stock))).ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
}
