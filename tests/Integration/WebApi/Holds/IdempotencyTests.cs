using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using Reservations.IntegrationTests.Gate;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.WebApi.Holds;

public sealed class IdempotencyTests(UnthrottledApiFactory api) : IdempotencySuite(api), IClassFixture<UnthrottledApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class IdempotencyOnClusterTests(UnthrottledClusterApiFactory api) : IdempotencySuite(api), IClassFixture<UnthrottledClusterApiFactory>;

public abstract class IdempotencySuite(ReservationsApiFactory api)
{
    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer("alice"));

    [Fact]
    public async Task Replay_WithTheSameBody_ReturnsTheSame201AndBodyAndTakesStockOnce()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var first = await _alice.ReserveAsync(product.Id, 2, "order-1");
        var firstBody = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var replay = await _alice.ReserveAsync(product.Id, 2, "order-1");

        replay.StatusCode.Should().Be(HttpStatusCode.Created);
        (await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be(firstBody);
        replay.Headers.Location.Should().Be(first.Headers.Location);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 8, Held = 2 });
    }

    [Fact]
    public async Task Replay_AfterThePurchase_StillReturnsTheOriginalAnswer()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var original = await (await _alice.ReserveAsync(product.Id, 1, "order-2")).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);
        await _alice.PurchaseAsync(original.Id);

        var replay = await (await _alice.ReserveAsync(product.Id, 1, "order-2")).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);

        replay.Should().Be(original);
        replay.Status.Should().Be(HoldStatus.Held);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 9, Held = 0, Purchasing = 1 });
    }

    [Fact]
    public async Task Replay_WithAnotherBody_Returns422IdempotencyKeyReused()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await _alice.ReserveAsync(product.Id, 1, "order-3");

        var response = await _alice.ReserveAsync(product.Id, 2, "order-3");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        (await api.LedgerAsync(product.Id)).Held.Should().Be(1);
    }

    [Fact]
    public async Task TheSameKey_FromAnotherCustomer_IsAnotherRequest()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var alices = await (await _alice.ReserveAsync(product.Id, 1, "shared")).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);

        var bobs = await (await api.CreateClient(Tokens.Customer("bob")).ReserveAsync(product.Id, 1, "shared"))
            .ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);

        bobs.Id.Should().NotBe(alices.Id);
        (await api.LedgerAsync(product.Id)).Held.Should().Be(2);
    }

    [Fact]
    public async Task AFailedRequest_RetriedWithItsKey_TakesTheHold()
    {
        var product = await api.CreateProductAsync(stock: 1);
        await (await _alice.ReserveAsync(product.Id, 2, "retry-me")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "out-of-stock");
        await api.CreateClient(Tokens.Admin()).PostJsonAsync($"/api/products/{product.Id}/stock", new { delta = 1 });

        var retry = await _alice.ReserveAsync(product.Id, 2, "retry-me");

        retry.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AFailedRequest_KeepsItsKey_SoAnotherBodyWithItIs422()
    {
        var product = await api.CreateProductAsync(stock: 1);
        await (await _alice.ReserveAsync(product.Id, 2, "failed-once")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "out-of-stock");

        var response = await _alice.ReserveAsync(product.Id, 1, "failed-once");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 1, Held = 0 });
    }

    [Fact]
    public async Task TheSameKey_OnAProductOfAnotherShard_Returns422AndTheFirstRequestStillReplays()
    {
        var (first, other) = await ProductsOnTwoShardsAsync();
        var original = await (await _alice.ReserveAsync(first.Id, 2, "cross-shard"))
            .ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);

        var elsewhere = await _alice.ReserveAsync(other.Id, 2, "cross-shard");
        var replay = await (await _alice.ReserveAsync(first.Id, 2, "cross-shard"))
            .ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);

        await elsewhere.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        replay.Should().Be(original);
        var (firstLedger, otherLedger) = (await api.LedgerAsync(first.Id), await api.LedgerAsync(other.Id));
        firstLedger.Should().BeEquivalentTo(new { Available = 8, Held = 2 });
        otherLedger.Should().BeEquivalentTo(new { Available = 10, Held = 0 });
        firstLedger.ShouldBeBalanced();
        otherLedger.ShouldBeBalanced();
    }

    [Fact]
    public async Task ConcurrentRequestsWithOneKey_OnTwoShards_TakeExactlyOneHold()
    {
        const int Keys = 20;
        var (first, other) = await ProductsOnTwoShardsAsync(stock: Keys);

        var pairs = await Task.WhenAll(Enumerable.Range(0, Keys).Select(async i =>
        {
            var key = $"race-{i}";
            var responses = await Task.WhenAll(_alice.ReserveAsync(first.Id, 1, key), _alice.ReserveAsync(other.Id, 1, key));
            return responses.Select(r => r.StatusCode).Order().ToArray();
        }));

        pairs.Should().AllSatisfy(pair => pair.Should().Equal(HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity));
        var (firstLedger, otherLedger) = (await api.LedgerAsync(first.Id), await api.LedgerAsync(other.Id));
        (firstLedger.Held + otherLedger.Held).Should().Be(Keys);
        firstLedger.ShouldBeBalanced();
        otherLedger.ShouldBeBalanced();
    }

    [Fact]
    public async Task AKeyClaimedByARequestThatNeverReserved_TakesTheHoldWhenThatRequestIsRetried()
    {
        var (first, other) = await ProductsOnTwoShardsAsync();
        var request = new ReserveRequest(first.Id, CustomerId.From("alice"), Quantity.From(1), "claimed-only");
        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        (await new IdempotencyClaims(api.Keys).TryClaimAsync(redis, request, "claimed-only")).Should().BeTrue();

        var elsewhere = await _alice.ReserveAsync(other.Id, 1, "claimed-only");
        var retry = await _alice.ReserveAsync(first.Id, 1, "claimed-only");

        await elsewhere.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        (await api.LedgerAsync(first.Id)).Held.Should().Be(1);
        (await api.LedgerAsync(other.Id)).Held.Should().Be(0);
    }

    [Fact]
    public async Task FiftyConcurrentReplaysOfOneKey_MakeOneHoldAndIdenticalAnswers()
    {
        var product = await api.CreateProductAsync(stock: 100);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _alice.ReserveAsync(product.Id, 3, "storm")));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
        bodies.Distinct().Should().ContainSingle();
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 97, Held = 3 });
    }

    [Theory]
    [InlineData("x:b", "c", "x", "b:c")]
    [InlineData("y|b", "c", "y", "b|c")]
    [InlineData("z", "1:a", "z1", ":a")]
    public async Task CustomersAndKeysThatConcatenateAlike_GetIndependentHolds(string customerA, string keyA, string customerB, string keyB)
    {
        var product = await api.CreateProductAsync(stock: 10, maxPerCustomer: 1);

        var a = await (await api.CreateClient(Tokens.Customer(customerA)).ReserveAsync(product.Id, 1, keyA))
            .ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);
        var b = await (await api.CreateClient(Tokens.Customer(customerB)).ReserveAsync(product.Id, 1, keyB))
            .ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);

        b.Id.Should().NotBe(a.Id);
        (a.CustomerId, b.CustomerId).Should().Be((customerA, customerB));
        (await api.LedgerAsync(product.Id)).Held.Should().Be(2);
    }

    private async Task<(ProductResponse First, ProductResponse Other)> ProductsOnTwoShardsAsync(int stock = 10)
    {
        var (shard, first) = await api.CreateOnOneShardAsync(shard: null, (stock, null));
        var (_, other) = await api.CreateOnOneShardAsync((shard + 1) % api.Keys.Shards, (stock, null));
        return (first[0], other[0]);
    }
}
