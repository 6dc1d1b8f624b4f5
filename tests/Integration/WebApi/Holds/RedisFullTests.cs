using System.Globalization;
using System.Net;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.WebApi.Holds;

[Collection(RunsAlone.Name)]
public sealed class RedisFullTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task Reserve_WhenRedisIsFull_Answers503AndLeavesNoPartialHold()
    {
        var product = await api.CreateProductAsync(stock: 10, maxPerCustomer: 5);
        var keys = api.Keys;
        var shard = keys.ShardOf(product.Id);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(api.RedisConnectionString + ",allowAdmin=true");
        var server = admin.GetServers().Single();
        var limit = (await server.ConfigGetAsync("maxmemory")).Single().Value;
        var policy = (await server.ConfigGetAsync("maxmemory-policy")).Single().Value;
        try
        {
            await FillAsync(server, admin.GetDatabase());

            var response = await api.CreateClient(Tokens.Customer("alice")).ReserveAsync(product.Id, quantity: 2);

            await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
            (await api.Redis.HashLengthAsync(keys.Holds(shard))).Should().Be(0);
            (await api.Redis.SortedSetLengthAsync(keys.Due(shard))).Should().Be(0);
            (await api.Redis.HashLengthAsync(keys.Tally(shard))).Should().Be(0);
            (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 10, Held = 0 });
        }
        finally
        {
            await server.ConfigSetAsync("maxmemory", limit);
            await server.ConfigSetAsync("maxmemory-policy", policy);
            await TestRedis.DeleteKeysAsync(admin, $"{api.KeyPrefix}-filler");
        }

        (await api.CreateClient(Tokens.Customer("alice")).ReserveAsync(product.Id, quantity: 2)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    // Caps memory just above what is in use and writes filler until Redis refuses. Then the cap drops a little below
    // use, so that buffers Redis frees afterwards cannot make room for the reserve under test.
    private async Task FillAsync(IServer server, IDatabase db)
    {
        await server.ConfigSetAsync("maxmemory-policy", "noeviction");
        await server.ConfigSetAsync("maxmemory", await UsedMemoryAsync(server) + 512 * 1024);
        var filler = new string('f', 16 * 1024);
        for (var i = 0; i < 1000; i++)
        {
            try
            {
                await db.StringSetAsync($"{api.KeyPrefix}-filler:{i}", filler);
            }
            catch (RedisServerException e) when (e.Message.StartsWith("OOM", StringComparison.Ordinal))
            {
                await server.ConfigSetAsync("maxmemory", await UsedMemoryAsync(server) - 256 * 1024);
                return;
            }
        }

        throw new InvalidOperationException("Redis never reported OOM.");
    }

    private static async Task<long> UsedMemoryAsync(IServer server) => long.Parse(
        (await server.InfoAsync("memory")).SelectMany(g => g).Single(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);
}
