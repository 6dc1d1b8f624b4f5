using System.Net;
using Reservations.Application.Holds;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Holds;

public sealed class HoldLifecycleTests(ReservationsApiFactory api) : HoldLifecycleSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class HoldLifecycleOnClusterTests(ClusterApiFactory api) : HoldLifecycleSuite(api), IClassFixture<ClusterApiFactory>;

public abstract class HoldLifecycleSuite(ReservationsApiFactory api)
{
    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer("alice"));
    private readonly HttpClient _bob = api.CreateClient(Tokens.Customer("bob"));

    [Fact]
    public async Task Purchase_BeforeTheDeadline_Returns200PurchasedAndMovesUnitsToPurchasing()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id, quantity: 2);

        var purchased = await (await _alice.PurchaseAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        purchased.Should().BeEquivalentTo(hold with { Status = HoldStatus.Purchased });
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 3, Held = 0, Purchasing = 2, Sold = 0 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Purchase_Repeated_ReturnsTheSame200()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id);
        var first = await (await _alice.PurchaseAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        var second = await (await _alice.PurchaseAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        second.Should().Be(first);
        (await api.LedgerAsync(product.Id)).Purchasing.Should().Be(1);
    }

    [Fact]
    public async Task Purchase_AfterTheDeadline_Returns410HoldExpiredAndGivesTheStockBack()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var hold = await _alice.ReserveOkAsync(product.Id, quantity: 2);
        await WaitPastAsync(hold.ExpiresAt);

        var response = await _alice.PurchaseAsync(hold.Id);

        await response.ShouldBeProblemAsync(HttpStatusCode.Gone, "hold-expired");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 5, Held = 0, Purchasing = 0 });
        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Expired);
    }

    [Fact]
    public async Task Purchase_AfterRelease_Returns410HoldReleased()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id);
        await _alice.ReleaseAsync(hold.Id);

        var response = await _alice.PurchaseAsync(hold.Id);

        await response.ShouldBeProblemAsync(HttpStatusCode.Gone, "hold-released");
    }

    [Fact]
    public async Task Release_Held_Returns204GivesStockBackOnceAndReadsAsReleased()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id, quantity: 3);

        (await _alice.ReleaseAsync(hold.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _alice.ReleaseAsync(hold.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 5, Held = 0 });
        ledger.ShouldBeBalanced();
        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Released);
    }

    [Fact]
    public async Task Release_AfterExpiry_Returns204AndGivesStockBackOnce()
    {
        var product = await api.CreateProductAsync(stock: 4, holdSeconds: 1);
        var hold = await _alice.ReserveOkAsync(product.Id, quantity: 4);
        await WaitPastAsync(hold.ExpiresAt);

        (await _alice.ReleaseAsync(hold.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _alice.ReleaseAsync(hold.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 4, Held = 0 });
        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Expired);
    }

    [Fact]
    public async Task Release_AfterPurchase_Returns409AlreadyPurchased()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id);
        await _alice.PurchaseAsync(hold.Id);

        var response = await _alice.ReleaseAsync(hold.Id);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already-purchased");
        (await api.LedgerAsync(product.Id)).Purchasing.Should().Be(1);
    }

    [Fact]
    public async Task GetReservation_PastItsDeadline_ReadsAsExpiredByRedisTime()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var hold = await _alice.ReserveOkAsync(product.Id);
        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Held);

        await WaitPastAsync(hold.ExpiresAt);

        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Expired);
    }

    [Fact]
    public async Task GetReservation_AsAdmin_ReturnsAnyonesReservation()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id);

        var response = await api.CreateClient(Tokens.Admin()).GetReservationAsync(hold.Id);

        (await response.ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK)).Should().Be(hold);
    }

    [Fact]
    public async Task AnotherCustomer_ReadingPurchasingOrReleasing_Gets404AndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await _alice.ReserveOkAsync(product.Id, quantity: 2);

        await (await _bob.GetReservationAsync(hold.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
        await (await _bob.PurchaseAsync(hold.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
        await (await _bob.ReleaseAsync(hold.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");

        (await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK)).Should().Be(hold);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 3, Held = 2, Purchasing = 0 });
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("01a212e7-9fb5-7ae7-b2be-62de5957ffff")]
    [InlineData("6f9619ff-8b86-d011-b42d-00c04fc964ff")]
    public async Task UnknownReservation_Returns404OnEveryRoute(string id)
    {
        var reservationId = Guid.Parse(id);

        await (await _alice.GetReservationAsync(reservationId)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
        await (await _alice.PurchaseAsync(reservationId)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
        await (await _alice.ReleaseAsync(reservationId)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
    }

    [Fact]
    public async Task ReservationRoutes_WithNonUuidId_Return404()
    {
        var response = await _alice.GetAsync(new Uri("/api/reservations/123", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task WaitPastAsync(DateTimeOffset deadline) =>
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > deadline.AddMilliseconds(50)), TimeSpan.FromSeconds(5));
}
