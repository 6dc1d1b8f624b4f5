using System.Net;
using Reservations.Application.Holds;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Holds;

public sealed class ReserveTests(ReservationsApiFactory api) : ReserveSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class ReserveOnClusterTests(ClusterApiFactory api) : ReserveSuite(api), IClassFixture<ClusterApiFactory>;

public abstract class ReserveSuite(ReservationsApiFactory api)
{
    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer("alice"));

    [Fact]
    public async Task Reserve_WithStock_Returns201HeldReservationAndTakesTheUnits()
    {
        var product = await api.CreateProductAsync(stock: 10, holdSeconds: 120);

        var response = await _alice.ReserveAsync(product.Id, quantity: 3);

        var reservation = await response.ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.Should().Be($"/api/reservations/{reservation.Id}");
        reservation.Should().BeEquivalentTo(new { ProductId = product.Id, CustomerId = "alice", Quantity = 3, UnitPrice = 49.90m, Status = HoldStatus.Held });
        reservation.Id.Version.Should().Be(7);
        (reservation.ExpiresAt - reservation.CreatedAt).Should().Be(TimeSpan.FromSeconds(120));
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { TotalStock = 10, Available = 7, Held = 3, Purchasing = 0, Sold = 0 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Reserve_WhenQuantityExceedsAvailable_Returns409OutOfStockWithAvailable()
    {
        var product = await api.CreateProductAsync(stock: 2);

        var response = await _alice.ReserveAsync(product.Id, quantity: 3);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "out-of-stock");
        problem.GetProperty("available").GetInt32().Should().Be(2);
        (await api.LedgerAsync(product.Id)).Available.Should().Be(2);
    }

    [Fact]
    public async Task Reserve_WhenOverTheCustomersLimit_Returns409LimitExceededBeforeCheckingStock()
    {
        var product = await api.CreateProductAsync(stock: 3, maxPerCustomer: 2);
        await _alice.ReserveOkAsync(product.Id, quantity: 2);

        var response = await _alice.ReserveAsync(product.Id, quantity: 2);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "limit-exceeded");
        problem.GetProperty("limit").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Reserve_AfterReleasingWithinTheLimit_IsAllowedAgain()
    {
        var product = await api.CreateProductAsync(stock: 5, maxPerCustomer: 2);
        var first = await _alice.ReserveOkAsync(product.Id, quantity: 2);
        (await _alice.ReleaseAsync(first.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var again = await _alice.ReserveAsync(product.Id, quantity: 2);

        again.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Reserve_AfterPurchasingUpToTheLimit_IsStillLimited()
    {
        var product = await api.CreateProductAsync(stock: 5, maxPerCustomer: 2);
        var first = await _alice.ReserveOkAsync(product.Id, quantity: 2);
        (await _alice.PurchaseAsync(first.Id)).StatusCode.Should().Be(HttpStatusCode.OK);

        var again = await _alice.ReserveAsync(product.Id, quantity: 1);

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "limit-exceeded");
    }

    [Fact]
    public async Task Reserve_UnknownProduct_Returns404ProductNotFound()
    {
        var response = await _alice.ReserveAsync(Guid.NewGuid());

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "product-not-found");
    }

    [Fact]
    public async Task Reserve_WithoutToken_Returns401()
    {
        var product = await api.CreateProductAsync(stock: 1);

        var response = await api.CreateClient(token: null).ReserveAsync(product.Id);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        (await api.LedgerAsync(product.Id)).Available.Should().Be(1);
    }

    [Theory]
    [InlineData("""{"productId":"{id}","quantity":0}""", "quantity")]
    [InlineData("""{"productId":"{id}","quantity":-1}""", "quantity")]
    [InlineData("""{"productId":"{id}","quantity":1001}""", "quantity")]
    [InlineData("""{"productId":"{id}","quantity":1.5}""", "$.quantity")]
    [InlineData("""{"productId":"{id}","quantity":"1"}""", "$.quantity")]
    [InlineData("""{"productId":"{id}","quantity":null}""", "quantity")]
    [InlineData("""{"productId":"{id}"}""", "quantity")]
    [InlineData("""{"quantity":1}""", "productId")]
    [InlineData("""{"productId":"not-a-uuid","quantity":1}""", "$.productId")]
    [InlineData("""{"productId":"00000000-0000-0000-0000-000000000000","quantity":1}""", "productId")]
    [InlineData("""{"productId":"{id}","quantity":1,"quantity":2}""", "$.quantity")]
    [InlineData("""{"productId":"{id}",""", "$")]
    public async Task Reserve_WithInvalidBody_Returns400AndTakesNothing(string template, string field)
    {
        var product = await api.CreateProductAsync(stock: 5);

        var response = await _alice.PostRawJsonAsync("/api/reservations", template.Replace("{id}", product.Id.ToString(), StringComparison.Ordinal));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
        (await api.LedgerAsync(product.Id)).Available.Should().Be(5);
    }

    [Fact]
    public async Task Reserve_WithBodyOver16KiB_Returns413AndTakesNothing()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var body = $$"""{"productId":"{{product.Id}}","quantity":1,"padding":"{{new string('x', 17 * 1024)}}"}""";

        var response = await _alice.PostRawJsonAsync("/api/reservations", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        (await api.LedgerAsync(product.Id)).Available.Should().Be(5);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(0)]
    public async Task Reserve_WithIdempotencyKeyOfBadLength_Returns400AndTakesNothing(int length)
    {
        var product = await api.CreateProductAsync(stock: 5);

        var response = await _alice.ReserveAsync(product.Id, idempotencyKey: new string('k', length));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _).Should().BeTrue(problem.ToString());
        (await api.LedgerAsync(product.Id)).Available.Should().Be(5);
    }
}
