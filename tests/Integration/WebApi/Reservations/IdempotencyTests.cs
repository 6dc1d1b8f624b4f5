using System.Net;
using Reservations.Application.Reservations;
using Reservations.Domain.Reservations;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Reservations;

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
    public async Task AFailedRequest_StoresNothing_SoItsKeyCanBeRetried()
    {
        var product = await api.CreateProductAsync(stock: 1);
        await (await _alice.ReserveAsync(product.Id, 2, "retry-me")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "out-of-stock");
        await api.CreateClient(Tokens.Admin()).PostJsonAsync($"/api/products/{product.Id}/stock", new { delta = 1 });

        var retry = await _alice.ReserveAsync(product.Id, 2, "retry-me");

        retry.StatusCode.Should().Be(HttpStatusCode.Created);
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
}
