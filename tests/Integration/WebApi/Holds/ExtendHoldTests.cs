using System.Net;
using System.Text.Json;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.Infrastructure.Redis.Scripts.Reserve;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.WebApi.Holds;

public sealed class ExtendHoldTests(ReservationsApiFactory api) : ExtendHoldSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class ExtendHoldOnClusterTests(ClusterApiFactory api) : ExtendHoldSuite(api), IClassFixture<ClusterApiFactory>;

/// <summary>POST /api/reservations/{id}/extend: the deadline moves within the hold's cap, in the gate's expiry index too.</summary>
public abstract class ExtendHoldSuite(ReservationsApiFactory api)
{
    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer("alice"));
    private readonly HttpClient _bob = api.CreateClient(Tokens.Customer("bob"));

    [Fact]
    public async Task Extend_WithinTheCap_Returns200WithTheLaterDeadlineAndMovesTheHoldToItsNewBucket()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 60);
        var hold = await _alice.ReserveOkAsync(product.Id, quantity: 2);

        var extended = await (await _alice.ExtendAsync(hold.Id, 30)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        extended.Should().Be(hold with { ExpiresAt = hold.ExpiresAt.AddSeconds(30) });
        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Should().Be(extended);
        (await BucketHoldsAsync(hold, hold.ExpiresAt)).Should().NotContain(Field(hold), "the hold left its old bucket");
        (await BucketHoldsAsync(hold, extended.ExpiresAt)).Should().ContainSingle(f => f == Field(hold));
        var shard = api.Keys.ShardOfHold(hold.Id)!.Value;
        var (oldSecond, newSecond) = (ExpiryKeys.BucketSecond(hold.ExpiresAt), ExpiryKeys.BucketSecond(extended.ExpiresAt));
        (await api.Redis.SortedSetScoreAsync(api.Keys.Due(shard), newSecond)).Should().Be(newSecond, "the index lists the new second");
        var oldBucketEmptied = (await BucketHoldsAsync(hold, hold.ExpiresAt)).Length == 0;
        (await api.Redis.SortedSetScoreAsync(api.Keys.Due(shard), oldSecond)).HasValue.Should().Be(!oldBucketEmptied,
            "an emptied bucket leaves the index, one another hold still uses stays");
        (await api.Redis.KeyTimeToLiveAsync(api.Keys.ExpiryMarker(shard, newSecond))).Should().BePositive("its marker raises the event");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 3, Held = 2 }, "an extension moves no stock");
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Extend_BeyondTheCap_Returns409ExtensionLimitWithMaxExpiresAtAndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 60, maxHoldSeconds: 100);
        var hold = await _alice.ReserveOkAsync(product.Id);

        var refused = await _alice.ExtendAsync(hold.Id, 41);

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "extension-limit");
        problem.GetProperty("maxExpiresAt").GetDateTimeOffset().Should().Be(hold.CreatedAt.AddSeconds(100));
        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Should().Be(hold);
        (await BucketHoldsAsync(hold, hold.ExpiresAt)).Should().ContainSingle(f => f == Field(hold));
        (await (await _alice.ExtendAsync(hold.Id, 40)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .ExpiresAt.Should().Be(hold.CreatedAt.AddSeconds(100), "up to the cap itself is allowed");
    }

    [Fact]
    public async Task Extend_PastTheDeadline_Returns410HoldExpiredAndGivesTheStockBackOnce()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var hold = await _alice.ReserveOkAsync(product.Id, quantity: 2);
        await WaitPastAsync(hold.ExpiresAt);

        await (await _alice.ExtendAsync(hold.Id, 30)).ShouldBeProblemAsync(HttpStatusCode.Gone, "hold-expired");
        await (await _alice.ExtendAsync(hold.Id, 30)).ShouldBeProblemAsync(HttpStatusCode.Gone, "hold-expired");

        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 5, Held = 0 });
        ledger.ShouldBeBalanced();
        var read = await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
        read.Should().Be(hold with { Status = HoldStatus.Expired });
    }

    [Fact]
    public async Task Extend_AfterRelease_Returns410HoldReleased()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id);
        await _alice.ReleaseAsync(hold.Id);

        await (await _alice.ExtendAsync(hold.Id, 30)).ShouldBeProblemAsync(HttpStatusCode.Gone, "hold-released");

        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 5, Held = 0 });
    }

    [Fact]
    public async Task Extend_AfterPurchase_Returns409AlreadyPurchasedAndKeepsThePurchase()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id);
        var purchased = await (await _alice.PurchaseAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        await (await _alice.ExtendAsync(hold.Id, 30)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already-purchased");

        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .ExpiresAt.Should().Be(purchased.ExpiresAt);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 4, Held = 0, Purchasing = 1 });
    }

    [Fact]
    public async Task Extend_SomeoneElsesHold_Returns404AndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id);

        await (await _bob.ExtendAsync(hold.Id, 30)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");

        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Should().Be(hold);
    }

    [Fact]
    public async Task Extend_AnUnknownHold_Returns404()
    {
        await (await _alice.ExtendAsync(Guid.CreateVersion7(), 30)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(86_401)]
    public async Task Extend_WithSecondsOutOfRange_Returns400AndChangesNothing(int seconds)
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id);

        var problem = await (await _alice.ExtendAsync(hold.Id, seconds)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").TryGetProperty("seconds", out _).Should().BeTrue(problem.ToString());
        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Should().Be(hold);
    }

    [Fact]
    public async Task Extend_RepeatedWithTheSameKeyAndSeconds_AnswersTheFirstExtensionAndExtendsOnce()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 60);
        var hold = await _alice.ReserveOkAsync(product.Id);
        var first = await (await _alice.ExtendAsync(hold.Id, 30, "pay-1")).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        var repeat = await (await _alice.ExtendAsync(hold.Id, 30, "pay-1")).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        repeat.Should().Be(first);
        first.ExpiresAt.Should().Be(hold.ExpiresAt.AddSeconds(30));
        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .ExpiresAt.Should().Be(first.ExpiresAt, "the repeat extended nothing more");
        (await (await _alice.ExtendAsync(hold.Id, 30, "pay-2")).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .ExpiresAt.Should().Be(hold.ExpiresAt.AddSeconds(60), "another key is another extension");
    }

    [Fact]
    public async Task Extend_WithTheSameKeyAndOtherSeconds_Returns422AndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 60);
        var hold = await _alice.ReserveOkAsync(product.Id);
        var first = await (await _alice.ExtendAsync(hold.Id, 30, "pay-1")).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        await (await _alice.ExtendAsync(hold.Id, 20, "pay-1")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Should().Be(first);
    }

    [Fact]
    public async Task Extend_WhenTheNewBucketIsNotAList_Answers500AndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 60);
        var hold = await _alice.ReserveOkAsync(product.Id);
        var corrupt = api.Bucket(api.Keys.ShardOfHold(hold.Id)!.Value, ExpiryKeys.BucketSecond(hold.ExpiresAt.AddSeconds(30)));
        await api.Redis.StringSetAsync(corrupt, "not a list");
        try
        {
            var response = await _alice.ExtendAsync(hold.Id, 30);

            // The script proved every key's type before its first write.
            await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal-error");
            (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
                .Should().Be(hold);
            (await BucketHoldsAsync(hold, hold.ExpiresAt)).Should().ContainSingle(f => f == Field(hold));
        }
        finally
        {
            await api.Redis.KeyDeleteAsync(corrupt);
        }
    }

    [Fact]
    public async Task Reserve_WithHoldSeconds_HoldsForThatLongAndListsTheHoldInThatBucket()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 600);

        var hold = await (await _alice.ReserveAsync(product.Id, holdSeconds: 30)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);

        (hold.ExpiresAt - hold.CreatedAt).Should().Be(TimeSpan.FromSeconds(30));
        (await BucketHoldsAsync(hold, hold.ExpiresAt)).Should().ContainSingle(f => f == Field(hold));
    }

    [Fact]
    public async Task Reserve_WithHoldSecondsAboveTheProducts_Returns400HoldTooLongNamingItAndHoldsNothing()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 60);

        var problem = await (await _alice.ReserveAsync(product.Id, quantity: 2, holdSeconds: 61))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hold-too-long");

        problem.GetProperty("holdSeconds").GetInt32().Should().Be(60);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 5, Held = 0 });
        ledger.ShouldBeBalanced();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(86_401)]
    public async Task Reserve_WithHoldSecondsOutOfRange_Returns400(int seconds)
    {
        var product = await api.CreateProductAsync(stock: 5);

        var problem = await (await _alice.ReserveAsync(product.Id, holdSeconds: seconds)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").TryGetProperty("holdSeconds", out _).Should().BeTrue(problem.ToString());
        (await api.LedgerAsync(product.Id)).Held.Should().Be(0);
    }

    [Fact]
    public async Task Reserve_ReplayedWithAnotherHoldSeconds_Returns422AndTakesNothingMore()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 600);
        var first = await _alice.ReserveAsync(product.Id, idempotencyKey: "cart-s", holdSeconds: 30);
        first.StatusCode.Should().Be(HttpStatusCode.Created);

        await (await _alice.ReserveAsync(product.Id, idempotencyKey: "cart-s", holdSeconds: 60))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        await (await _alice.ReserveAsync(product.Id, idempotencyKey: "cart-s"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        (await _alice.ReserveAsync(product.Id, idempotencyKey: "cart-s", holdSeconds: 30)).StatusCode.Should().Be(HttpStatusCode.Created);

        (await api.LedgerAsync(product.Id)).Held.Should().Be(1);
    }

    [Fact]
    public async Task ReserveScript_OneKeyWithAnotherLengthInOneBatch_AnswersKeyReusedWithoutTheClaimStep()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 600);
        var shard = api.Keys.ShardOf(product.Id);
        ReserveCall Call(int? seconds) => new(
            new ReserveRequest(product.Id, CustomerId.From("alice"), Quantity.From(1), "script-key") { HoldSeconds = seconds },
            api.Keys.NewHoldId(shard));

        var replies = await new ReserveScript(api.Keys).RunAsync(api.Redis, shard, [Call(30), Call(60), Call(null), Call(30)]);

        var outcomes = replies.Select(r => r.ToResult()).ToList();
        outcomes[0].Value.ExpiresAt.Should().Be(outcomes[0].Value.CreatedAt.AddSeconds(30));
        outcomes[1].Error.Should().Be(HoldErrors.IdempotencyKeyReused);
        outcomes[2].Error.Should().Be(HoldErrors.IdempotencyKeyReused);
        outcomes[3].Value.Should().Be(outcomes[0].Value, "the same length replays the hold");
        (await api.LedgerAsync(product.Id)).Held.Should().Be(1);
    }

    [Fact]
    public async Task OpenApi_DescribesTheExtendRouteAndTheNewBodyFields()
    {
        var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync(
            new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken)).RootElement;

        var extend = document.GetProperty("paths").GetProperty("/api/reservations/{id}/extend").GetProperty("post");
        extend.GetProperty("summary").GetString().Should().Contain("maxHoldSeconds");
        extend.GetProperty("description").GetString().Should().Contain("extension-limit").And.Contain("hold-expired").And.Contain("hold-released");
        extend.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "404", "409", "410", "422"]);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("ExtendReservationRequest").GetProperty("properties").TryGetProperty("seconds", out _).Should().BeTrue();
        schemas.GetProperty("ReserveItemRequest").GetProperty("properties").TryGetProperty("holdSeconds", out _).Should().BeTrue();
        schemas.GetProperty("CreateProductCommand").GetProperty("properties").TryGetProperty("maxHoldSeconds", out _).Should().BeTrue();
    }

    private static RedisValue Field(ReservationResponse hold) => RedisKeys.HoldField(hold.Id);

    // The hold ids listed in the bucket of the hold's shard for this deadline.
    private Task<RedisValue[]> BucketHoldsAsync(ReservationResponse hold, DateTimeOffset deadline) =>
        api.Redis.ListRangeAsync(api.Bucket(api.Keys.ShardOfHold(hold.Id)!.Value, ExpiryKeys.BucketSecond(deadline)));

    private static Task WaitPastAsync(DateTimeOffset deadline) =>
        Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > deadline.AddMilliseconds(50)), deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
}
