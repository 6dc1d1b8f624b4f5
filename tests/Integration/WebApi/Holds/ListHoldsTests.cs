using System.Net;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Application.Purchases.Persist;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.WebApi.Holds;

/// <summary>GET /api/reservations: the caller's holds Redis still keeps, from the per-customer index reserve.lua writes.</summary>
public sealed class ListHoldsTests(ReservationsApiFactory api) : ListHoldsSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class ListHoldsOnClusterTests(ClusterApiFactory api)
    : ListHoldsSuite(api), IClassFixture<ClusterApiFactory>;

public abstract class ListHoldsSuite(ReservationsApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IHoldGate Gate => api.Services.GetRequiredService<IHoldGate>();

    private IHoldExpiry Expiry => api.Services.GetRequiredService<IHoldExpiry>();

    [Fact]
    public async Task List_OfHoldsOnSeveralShards_AnswersThemNewestFirstPagedWithTheirTotal()
    {
        var customer = NewCustomer();
        var client = api.CreateClient(Tokens.Customer(customer));
        var products = await ProductsOnShardsAsync(3);
        var holds = new List<ReservationResponse>();
        for (var i = 0; i < 7; i++)
        {
            holds.Add(await client.ReserveOkAsync(products[i % 3].Id));
        }

        var newestFirst = holds.OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id.ToByteArray(bigEndian: true), ByteOrder.Instance)
            .Select(h => h.Id).ToList();
        var pages = new List<PagedResponse<ReservationResponse>>();
        for (var page = 1; page <= 5; page++)
        {
            pages.Add(await ListOkAsync(client, $"page={page}&pageSize=2"));
        }

        pages.Should().OnlyContain(p => p.Total == 7 && p.PageSize == 2);
        pages.SelectMany(p => p.Items).Select(h => h.Id).Should().Equal(newestFirst);
        pages[3].Items.Should().ContainSingle();
        pages[4].Items.Should().BeEmpty();
        (await ListOkAsync(client, "")).Items.Should().BeEquivalentTo(holds);
    }

    [Fact]
    public async Task List_AfterHoldsEnded_ShowsEachStatusAndFiltersByIt()
    {
        var customer = NewCustomer();
        var client = api.CreateClient(Tokens.Customer(customer));
        // Persisting takes a shard's every purchase: the hold that stays purchased is on another shard.
        var shards = await ProductsOnShardsAsync(2);
        var (product, persisted) = (shards[0], shards[1]);
        var shortLived = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var held = await client.ReserveOkAsync(product.Id);
        var released = await client.ReserveOkAsync(product.Id);
        var purchased = await client.ReserveOkAsync(product.Id);
        var completed = await client.ReserveOkAsync(persisted.Id);
        var expired = await client.ReserveOkAsync(shortLived.Id);
        (await client.ReleaseAsync(released.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.PurchaseAsync(purchased.Id)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PurchaseAsync(completed.Id)).StatusCode.Should().Be(HttpStatusCode.OK);
        await PersistAsync(persisted.Id);
        await ExpireAsync(expired);

        var all = await ListOkAsync(client, "");

        all.Items.ToDictionary(h => h.Id, h => h.Status).Should().Equal(new Dictionary<Guid, HoldStatus>
        {
            [held.Id] = HoldStatus.Held, [released.Id] = HoldStatus.Released, [purchased.Id] = HoldStatus.Purchased,
            [completed.Id] = HoldStatus.Completed, [expired.Id] = HoldStatus.Expired,
        });
        foreach (var (status, hold) in new[] { ("held", held), ("released", released), ("purchased", purchased), ("completed", completed), ("expired", expired) })
        {
            var filtered = await ListOkAsync(client, $"status={status}");
            filtered.Items.Select(h => h.Id).Should().Equal([hold.Id], status);
            filtered.Total.Should().Be(1);
        }
    }

    [Fact]
    public async Task List_WhenAHeldHoldIsPastItsDeadlineBeforeTheGateExpiredIt_ShowsItExpired()
    {
        var client = api.CreateClient(Tokens.Customer(NewCustomer()));
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var hold = await client.ReserveOkAsync(product.Id);
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > hold.ExpiresAt.AddMilliseconds(50)), TimeSpan.FromSeconds(5));

        (await ListOkAsync(client, "status=expired")).Items.Should().ContainSingle().Which.Id.Should().Be(hold.Id);
        (await ListOkAsync(client, "status=held")).Total.Should().Be(0);
        (await api.LedgerAsync(product.Id)).Held.Should().Be(1, "no Worker runs here: the gate still holds it, and the list reads it expired");
    }

    [Fact]
    public async Task List_NeverShowsAnotherCustomersHolds_ButAnAdminNamingThemDoes()
    {
        var (alice, bob) = (NewCustomer(), NewCustomer());
        var product = await api.CreateProductAsync(stock: 10);
        var alices = await api.CreateClient(Tokens.Customer(alice)).ReserveOkAsync(product.Id);
        var bobs = await api.CreateClient(Tokens.Customer(bob)).ReserveOkAsync(product.Id, quantity: 2);

        (await ListOkAsync(api.CreateClient(Tokens.Customer(alice)), "")).Items.Select(h => h.Id).Should().Equal(alices.Id);
        (await ListOkAsync(api.CreateClient(Tokens.Customer(bob)), "")).Items.Select(h => h.Id).Should().Equal(bobs.Id);
        (await ListOkAsync(api.CreateClient(Tokens.Admin()), $"customerId={Uri.EscapeDataString(bob)}")).Items
            .Should().Equal(bobs);
        await (await List(api.CreateClient(Tokens.Customer(alice)), $"customerId={Uri.EscapeDataString(bob)}"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("status=sold")]
    [InlineData("status=Held")]
    [InlineData("page=0")]
    [InlineData("pageSize=101")]
    [InlineData("page=x")]
    public async Task List_WithABadStatusOrPage_Answers400(string query)
    {
        var response = await List(api.CreateClient(Tokens.Customer(NewCustomer())), query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Reserve_IndexesTheHoldInTheSameStep_AndAFailedReserveIndexesNothing()
    {
        var customer = NewCustomer();
        var client = api.CreateClient(Tokens.Customer(customer));
        var product = await api.CreateProductAsync(stock: 3, maxPerCustomer: 2);
        var shard = api.Keys.ShardOf(product.Id);

        var hold = await client.ReserveOkAsync(product.Id, quantity: 2);
        await (await client.ReserveAsync(product.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "limit-exceeded");
        await (await api.CreateClient(Tokens.Customer(customer + "-2")).ReserveAsync(product.Id, quantity: 2))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "out-of-stock");

        var hour = hold.CreatedAt.ToUnixTimeSeconds() / 3600;
        var index = api.Keys.CustomerHolds(shard, hour);
        ((byte[])(await api.Redis.HashGetAsync(index, RedisKeys.CustomerField(customer)))!).Should().Equal(RedisKeys.HoldField(hold.Id));
        (await api.Redis.HashExistsAsync(index, RedisKeys.CustomerField(customer + "-2"))).Should().BeFalse();
        // Kept while a hold made in that hour can still be read: a day's hold, its ended hour, a day more.
        (await api.Redis.KeyExpireTimeAsync(index)).Should().Be(DateTimeOffset.FromUnixTimeSeconds((hour + 1) * 3600 + 86400 + 3600 + 86400).UtcDateTime);
    }

    [Fact]
    public async Task Reserve_OfSeveralHoldsInOneHour_AppendsEachToTheCustomersField()
    {
        var customer = NewCustomer();
        var client = api.CreateClient(Tokens.Customer(customer));
        var product = await api.CreateProductAsync(stock: 10);
        var holds = new List<ReservationResponse>();
        for (var i = 0; i < 3; i++)
        {
            holds.Add(await client.ReserveOkAsync(product.Id));
        }

        var indexed = new List<byte>();
        foreach (var hour in holds.Select(h => h.CreatedAt.ToUnixTimeSeconds() / 3600).Distinct())
        {
            indexed.AddRange((byte[])(await api.Redis.HashGetAsync(
                api.Keys.CustomerHolds(api.Keys.ShardOf(product.Id), hour), RedisKeys.CustomerField(customer)))!);
        }

        indexed.Should().Equal(holds.SelectMany(h => RedisKeys.HoldField(h.Id)));
    }

    [Fact]
    public async Task Reserve_OfMoreThan64HoldsInOneHourAndShard_KeepsTheNewest64InTheCustomersField()
    {
        var customer = NewCustomer();
        var product = await api.CreateProductAsync(stock: 100);
        var holds = new List<Hold>();
        for (var i = 0; i < 70; i++)
        {
            var taken = await Gate.ReserveAsync(
                new ReserveRequest(product.Id, Domain.Customers.CustomerId.From(customer), Quantity.From(1), null), Ct);
            holds.Add(taken.Value);
        }

        // Should the hour turn during the test, each hour's field keeps the newest 64 of that hour.
        foreach (var hour in holds.GroupBy(h => h.CreatedAt.ToUnixTimeSeconds() / 3600))
        {
            var indexed = (byte[])(await api.Redis.HashGetAsync(
                api.Keys.CustomerHolds(api.Keys.ShardOf(product.Id), hour.Key), RedisKeys.CustomerField(customer)))!;
            indexed.Should().Equal(hour.TakeLast(64).SelectMany(h => RedisKeys.HoldField(h.Id)));
        }
    }

    [Fact]
    public async Task Reserve_WhenTheIndexOfHoldsByCustomerIsNotAHash_Answers500AndChangesNothing()
    {
        var customer = NewCustomer();
        var product = await api.CreateProductAsync(stock: 5);
        var shard = api.Keys.ShardOf(product.Id);
        var hour = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 3600;
        // This hour's and the next, so that the reserve meets a corrupt index even if the hour turns meanwhile.
        RedisKey[] indexes = [api.Keys.CustomerHolds(shard, hour), api.Keys.CustomerHolds(shard, hour + 1)];
        foreach (var index in indexes)
        {
            await api.Redis.StringSetAsync(index, "x", TimeSpan.FromMinutes(5));
        }

        var holdsBefore = await api.Redis.HashLengthAsync(api.Keys.Holds(shard));
        try
        {
            var response = await api.CreateClient(Tokens.Customer(customer)).ReserveAsync(product.Id, quantity: 2);

            await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal-error");
            (await api.Redis.HashLengthAsync(api.Keys.Holds(shard))).Should().Be(holdsBefore);
            (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 5, Held = 0 });
        }
        finally
        {
            await api.Redis.KeyDeleteAsync(indexes);
        }
    }

    [Fact]
    public async Task Reserve_ConcurrentlyByAFewCustomers_KeepsTheLedgerAndListsEachHoldTakenOnce()
    {
        var product = await api.CreateProductAsync(stock: 40);
        string[] customers = [NewCustomer(), NewCustomer(), NewCustomer()];

        var replies = await Task.WhenAll(Enumerable.Range(0, 90).Select(async i =>
        {
            var customer = customers[i % 3];
            using var response = await api.CreateClient(Tokens.Customer(customer)).ReserveAsync(product.Id);
            return (Customer: customer, response.StatusCode);
        }));

        replies.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        replies.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(40);
        foreach (var customer in customers)
        {
            var listed = await ListOkAsync(api.CreateClient(Tokens.Customer(customer)), "pageSize=100");
            listed.Total.Should().Be(replies.Count(r => r.Customer == customer && r.StatusCode == HttpStatusCode.Created));
            listed.Items.Should().OnlyContain(h => h.ProductId == product.Id && h.Status == HoldStatus.Held);
        }

        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 0, Held = 40 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task OpenApi_DescribesTheListRouteItsParametersAndProblems()
    {
        var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync(
            new Uri("/openapi/v1.json", UriKind.Relative), Ct)).RootElement;

        var list = document.GetProperty("paths").GetProperty("/api/reservations").GetProperty("get");
        list.GetProperty("summary").GetString().Should().Contain("newest first");
        list.GetProperty("description").GetString().Should().Contain("expired").And.Contain("forbidden");
        list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .Should().BeEquivalentTo("status", "customerId", "page", "pageSize");
        list.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "403"]);
    }

    private static string NewCustomer() => $"lister-{Guid.NewGuid():N}";

    private static Task<HttpResponseMessage> List(HttpClient client, string query) =>
        client.GetAsync(new Uri($"/api/reservations?{query}", UriKind.Relative), Ct);

    private static async Task<PagedResponse<ReservationResponse>> ListOkAsync(HttpClient client, string query) =>
        await (await List(client, query)).ShouldBeJsonAsync<PagedResponse<ReservationResponse>>(HttpStatusCode.OK);

    private async Task<List<ProductResponse>> ProductsOnShardsAsync(int shards)
    {
        var byShard = new Dictionary<int, ProductResponse>();
        while (byShard.Count < shards)
        {
            var product = await api.CreateProductAsync(stock: 10);
            byShard.TryAdd(api.Keys.ShardOf(product.Id), product);
        }

        return [.. byShard.Values];
    }

    // What the Worker does, through the same handler: until the product's purchases are persisted and finalized.
    private async Task PersistAsync(Guid productId)
    {
        var shard = api.Keys.ShardOf(productId);
        await Eventually.TrueAsync(async () =>
        {
            using var scope = api.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PersistPurchasesCommand(shard, 512), Ct);
            return (await api.LedgerAsync(productId)) is { Purchasing: 0, Sold: > 0 };
        }, TimeSpan.FromSeconds(10));
    }

    // What the Worker's sweeper does: once the deadline passed, the gate expires the hold into its ended hash.
    private async Task ExpireAsync(ReservationResponse hold)
    {
        var shard = api.Keys.ShardOf(hold.ProductId!.Value);
        await Eventually.TrueAsync(async () =>
        {
            await Expiry.ExpireDueAsync(shard, Ct);
            return !await api.Redis.HashExistsAsync(api.Keys.Holds(shard), RedisKeys.HoldField(hold.Id));
        }, TimeSpan.FromSeconds(10));
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
