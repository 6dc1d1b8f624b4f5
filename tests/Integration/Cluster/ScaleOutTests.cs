using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Holds;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using Reservations.WebApi.Auth;
using Reservations.Worker;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Cluster;

/// <summary>
/// The system grown onto the local Redis Cluster (3 primaries, 3 replicas) and onto several API and Worker instances
/// that share nothing but Redis and PostgreSQL.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ScaleOutTests(UnthrottledClusterApiFactory api, ITestOutputHelper output) : IClassFixture<UnthrottledClusterApiFactory>
{
    [Fact]
    public async Task Shards_OnAConnectionStringOfSeveralNodes_Are64AndSpreadOverEveryPrimary()
    {
        await using var redis = await RedisCluster.ConnectAdminAsync();
        var primaries = await RedisCluster.PrimariesAsync(redis);

        var owners = Enumerable.Range(0, api.Keys.Shards)
            .GroupBy(shard => RedisCluster.OwnerOf(primaries, redis.HashSlot(api.Keys.Stock(shard))).NodeId)
            .ToDictionary(g => g.Key, g => g.Count());

        api.Keys.Shards.Should().Be(RedisGateOptions.ClusterShards);
        primaries.Should().HaveCount(3);
        owners.Keys.Should().BeEquivalentTo(primaries.Select(p => p.NodeId));
        output.WriteLine($"shards per primary: {string.Join(", ", owners.Values)}");
    }

    [Fact]
    public async Task KeyspaceEvents_WithTheSweeperOff_BringBackHoldsOnShardsOfEveryPrimary()
    {
        var products = await RedisCluster.ProductsOnEveryPrimaryAsync(api, stock: 4, holdSeconds: 1);
        var worker = await TestWorker.StartAsync(api, ("Worker:SweepEnabled", "false"));
        try
        {
            var holds = await Task.WhenAll(products.Select(p =>
                api.CreateClient(Tokens.Customer("everywhere")).ReserveOkAsync(p.Product.Id, quantity: 3)));
            await api.ExpireDueKeysAsync(holds);

            // Nothing reserves afterwards and nothing sweeps: only the expiry event of each primary can release them.
            await Eventually.TrueAsync(async () =>
            {
                var ledgers = await Task.WhenAll(products.Select(p => api.LedgerAsync(p.Product.Id)));
                return ledgers.All(l => l.Held == 0);
            }, WorkerOptions.ReleaseMargin);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        foreach (var (product, _) in products)
        {
            var ledger = await api.LedgerAsync(product.Id);
            ledger.Available.Should().Be(4);
            ledger.ShouldBeBalanced();
        }
    }

    [Fact]
    public async Task Reserve_2000ConcurrentCallsOverTwoApiInstancesOnStock100_ExactlyHundredSucceed()
    {
        var product = await api.CreateProductAsync(stock: 100);
        await using var other = api.WithWebHostBuilder(_ => { });
        HttpClient[] instances = [api.CreateClient(token: null), other.CreateClient(token: null)];

        var statuses = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(async i =>
        {
            using var response = await instances[i % 2].SendAsync(
                Reserve(product.Id, Tokens.Customer($"racer-{i}")), TestContext.Current.CancellationToken);
            return response.StatusCode;
        }));

        statuses.Count(s => s == HttpStatusCode.Created).Should().Be(100);
        statuses.Where(s => s != HttpStatusCode.Created).Should().OnlyContain(s => s == HttpStatusCode.Conflict);
        var ledger = await other.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 0, Held = 100 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task AnotherInstance_ReplaysTheSameAnswer_KeepsTheLimit_AndKeepsHoldsToTheirOwner()
    {
        var product = await api.CreateProductAsync(stock: 10, maxPerCustomer: 3);
        await using var other = api.WithWebHostBuilder(_ => { });
        var aliceHere = api.CreateClient(Tokens.Customer("alice"));
        var aliceThere = other.CreateClient(Tokens.Customer("alice"));

        var first = await aliceHere.ReserveAsync(product.Id, 2, "order-7");
        var replay = await aliceThere.ReserveAsync(product.Id, 2, "order-7");
        var overLimit = await aliceThere.ReserveAsync(product.Id, 2);
        var hold = await first.ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);
        var bobsPurchase = await other.CreateClient(Tokens.Customer("bob")).PurchaseAsync(hold.Id);

        (await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Should().Be(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        replay.StatusCode.Should().Be(HttpStatusCode.Created);
        await overLimit.ShouldBeProblemAsync(HttpStatusCode.Conflict, "limit-exceeded");
        bobsPurchase.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await aliceThere.PurchaseAsync(hold.Id)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 8, Held = 0, Purchasing = 2 });
    }

    [Fact]
    public async Task ThreeWorkers_PersistEachPurchaseOnceAndReleaseEachHoldOnce()
    {
        // Long enough for every purchase to come before its deadline, however busy the machine.
        const int HoldSeconds = 10;
        var products = await RedisCluster.ProductsOnEveryPrimaryAsync(api, stock: 200, holdSeconds: HoldSeconds);
        var workers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TestWorker.StartAsync(api)));
        try
        {
            var heldAt = DateTimeOffset.UtcNow;
            foreach (var (product, _) in products)
            {
                var holds = await api.HoldManyAsync(product.Id, 150, $"three-{product.Id:N}");
                await api.PurchaseAllAsync(holds.Take(100));
            }

            // 100 purchases to persist and 50 holds to release, per product, with three Workers racing for both.
            await Eventually.TrueAsync(async () =>
            {
                var ledgers = await Task.WhenAll(products.Select(p => api.LedgerAsync(p.Product.Id)));
                return ledgers.All(l => l is { Purchasing: 0, Held: 0 });
            }, heldAt + TimeSpan.FromSeconds(HoldSeconds) + new WorkerOptions().ReleasePromise - DateTimeOffset.UtcNow);
        }
        finally
        {
            await Task.WhenAll(workers.Select(TestWorker.StopAsync));
        }

        foreach (var (product, _) in products)
        {
            (await api.PurchaseCountAsync(product.Id)).Should().Be(100);
            var ledger = await api.LedgerAsync(product.Id);
            ledger.Should().BeEquivalentTo(new { Sold = 100, Available = 100, Held = 0, Purchasing = 0, DeadLettered = 0 });
            ledger.ShouldBeBalanced();
        }
    }

    [Fact]
    public async Task PurchaseReplicas_AnsweredOnlyOnceTheReplicaHasIt_And503WhenMoreAreAskedForThanExist()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await using var oneReplica = api.WithWebHostBuilder(b => b.UseSetting("Redis:PurchaseReplicas", "1"));
        await using var twoReplicas = api.WithWebHostBuilder(b => b
            .UseSetting("Redis:PurchaseReplicas", "2").UseSetting("Redis:PurchaseReplicaTimeout", "00:00:00.300"));
        var alice = oneReplica.CreateClient(Tokens.Customer("alice"));
        var confirmed = await alice.ReserveOkAsync(product.Id);
        var unconfirmed = await alice.ReserveOkAsync(product.Id);

        var holds = api.Keys.Holds(api.Keys.ShardOf(product.Id));
        var heldValue = await api.Redis.HashGetAsync(holds, RedisKeys.HoldField(confirmed.Id));

        (await alice.PurchaseAsync(confirmed.Id)).StatusCode.Should().Be(HttpStatusCode.OK);
        var onReplica = await api.Redis.HashGetAsync(holds, RedisKeys.HoldField(confirmed.Id), CommandFlags.DemandReplica);
        var onPrimary = await api.Redis.HashGetAsync(holds, RedisKeys.HoldField(confirmed.Id), CommandFlags.DemandMaster);
        var tooMany = await twoReplicas.CreateClient(Tokens.Customer("alice")).PurchaseAsync(unconfirmed.Id);

        onReplica.Should().Be(onPrimary, "the replica had the purchase before the API answered");
        onPrimary.Should().NotBe(heldValue);
        tooMany.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "each primary has one replica, not two");
        (await alice.PurchaseAsync(unconfirmed.Id)).StatusCode.Should().Be(HttpStatusCode.OK, "the purchase stood");
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 8, Purchasing = 2 });
    }

    private static HttpRequestMessage Reserve(Guid productId, string token) => new(HttpMethod.Post, "/api/reservations")
    {
        Content = JsonContent.Create(new { productId, quantity = 1 }),
        Headers = { Authorization = new("Bearer", token) },
    };
}
