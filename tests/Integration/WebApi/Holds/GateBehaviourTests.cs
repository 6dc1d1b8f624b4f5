using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Domain.Products;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.WebApi.Holds;

public sealed class GateBehaviourTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task Reserve_WithNoWorkerRunning_FirstGivesBackOverdueHoldsOfItsShard()
    {
        var product = await api.CreateProductAsync(stock: 2, holdSeconds: 1);
        var abandoned = await api.CreateClient(Tokens.Customer("alice")).ReserveOkAsync(product.Id, quantity: 2);
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > abandoned.ExpiresAt.AddMilliseconds(50)), TimeSpan.FromSeconds(5));
        (await api.LedgerAsync(product.Id)).Held.Should().Be(2, "nothing has released the overdue hold yet");

        var response = await api.CreateClient(Tokens.Customer("bob")).ReserveAsync(product.Id, quantity: 2);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 0, Held = 2 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Deadlines_FollowRedisTime_NotTheApiClock()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var skewed = new SkewedTimeProvider(TimeSpan.FromDays(3650));
        using var farOff = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(skewed)));
        var client = farOff.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Customer("alice"));

        var hold = await client.ReserveOkAsync(product.Id);

        farOff.Services.GetRequiredService<TimeProvider>().Should().BeSameAs(skewed);
        hold.CreatedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5));
        (hold.ExpiresAt - hold.CreatedAt).Should().Be(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () =>
            (await (await client.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK)).Status == HoldStatus.Expired,
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Reserve_WhenTheScriptCacheIsFlushedMidTraffic_Answers201Or409AndNeverDoubleTakes()
    {
        var product = await api.CreateProductAsync(stock: 100);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(api.RedisConnectionString + ",allowAdmin=true");
        var server = admin.GetServers().Single();
        var client = api.CreateClient(token: null);

        var reserves = Task.WhenAll(Enumerable.Range(0, 400).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { productId = product.Id, quantity = 1 }),
                Headers = { Authorization = new("Bearer", Tokens.Customer($"flush-{i}")) },
            };
            return (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
        }));
        for (var i = 0; i < 10 && !reserves.IsCompleted; i++)
        {
            await server.ScriptFlushAsync();
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        var statuses = await reserves;
        statuses.Should().OnlyContain(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        statuses.Count(s => s == HttpStatusCode.Created).Should().Be(100);
        (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
    }

    [Fact]
    public async Task Reserve_WhenAKeyOfTheShardIsCorrupt_Answers500AndWritesNothing()
    {
        var product = await api.CreateProductAsync(stock: 10, maxPerCustomer: 5);
        var keys = api.Keys;
        var shard = keys.ShardOf(product.Id);
        await api.Redis.StringSetAsync(keys.Tally(shard), "x");
        var holdsBefore = await api.Redis.HashLengthAsync(keys.Holds(shard));
        var dueBefore = await api.Redis.SortedSetLengthAsync(keys.Due(shard));

        var response = await api.CreateClient(Tokens.Customer("alice")).ReserveAsync(product.Id, quantity: 2);

        // A key of the wrong type is corrupt data, which no retry mends: a server error, not "try again later".
        await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal-error");
        (await api.Redis.HashLengthAsync(keys.Holds(shard))).Should().Be(holdsBefore);
        (await api.Redis.SortedSetLengthAsync(keys.Due(shard))).Should().Be(dueBefore);
        await api.Redis.KeyDeleteAsync(keys.Tally(shard));
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 10, Held = 0 });
    }

    [Theory]
    [InlineData("purchase", 'p')]
    [InlineData("release", 'h')]
    public async Task PurchaseOrRelease_WhenAStockCounterOfTheProductIsNotAnInteger_Answers500AndChangesNothing(string call, char counter)
    {
        var product = await api.CreateProductAsync(stock: 10);
        var alice = api.CreateClient(Tokens.Customer("alice"));
        var hold = await alice.ReserveOkAsync(product.Id, quantity: 2);
        var shard = api.Keys.ShardOf(product.Id);
        var field = RedisKeys.StockField(product.Id, counter);
        var before = await api.Redis.HashGetAsync(api.Keys.Stock(shard), field);
        var streamBefore = await api.Redis.StreamLengthAsync(api.Keys.Purchases(shard));
        await api.Redis.HashSetAsync(api.Keys.Stock(shard), field, "x");

        var response = call == "purchase" ? await alice.PurchaseAsync(hold.Id) : await alice.ReleaseAsync(hold.Id);

        await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal-error");
        await api.Redis.HashSetAsync(api.Keys.Stock(shard), field, before);
        (await (await alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Held, "the script checked the counters before its first write");
        (await api.Redis.StreamLengthAsync(api.Keys.Purchases(shard))).Should().Be(streamBefore);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 8, Held = 2, Purchasing = 0 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task AHold_WithTheLongestOddCustomerAndTheLargestNumbers_ReadsBackAsTheScriptsPackedIt()
    {
        var product = await (await api.CreateClient(Tokens.Admin()).PostJsonAsync("/api/products", ProductRequests.Valid(
            stock: 2_000, maxPerCustomer: 1_000, holdSeconds: HoldDuration.MaxSeconds, price: Money.MaxValue)))
            .ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
        var customer = CustomerId.From($"auth0|{new string('é', 112)}|{{s1}}:t:💡");
        customer.Value.Length.Should().Be(CustomerId.MaxLength);
        var request = new ReserveRequest(product.Id, customer, Quantity.From(Quantity.MaxValue), "key|1");
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var ct = TestContext.Current.CancellationToken;

        var reserved = (await gate.ReserveAsync(request, ct)).Value;
        var found = await gate.FindAsync(reserved.Id, ct);
        var replayed = (await gate.ReserveAsync(request, ct)).Value;
        var purchased = (await gate.PurchaseAsync(reserved.Id, customer, ct)).Value;

        reserved.Should().BeEquivalentTo(new
        {
            Lines = new[] { new HoldLine(product.Id, Quantity.From(Quantity.MaxValue), Money.MaxValue) },
            Customer = customer, Status = HoldStatus.Held,
        });
        (reserved.ExpiresAt - reserved.CreatedAt).Should().Be(TimeSpan.FromSeconds(HoldDuration.MaxSeconds));
        found.Should().Be(reserved);
        replayed.Should().Be(reserved);
        purchased.Should().Be(reserved with { Status = HoldStatus.Purchased });
        (await api.WaitingPurchasesAsync(product.Id)).Should().Equal(reserved.Id);
    }

    private sealed class SkewedTimeProvider(TimeSpan skew) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + skew;
    }
}
