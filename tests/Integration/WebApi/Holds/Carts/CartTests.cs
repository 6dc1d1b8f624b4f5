using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Holds;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Holds.Carts;

// Unthrottled: a test creates products until one falls in a given shard (64 on average on the cluster).
public sealed class CartTests(UnthrottledApiFactory api) : CartSuite(api), IClassFixture<UnthrottledApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class CartOnClusterTests(UnthrottledClusterApiFactory api) : CartSuite(api), IClassFixture<UnthrottledClusterApiFactory>;

/// <summary>A hold of several products of one sale: held, purchased, released, extended and expired whole.</summary>
public abstract class CartSuite(ReservationsApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer($"alice-{Guid.NewGuid():N}"));

    [Fact]
    public async Task ACartOfTwoProductsOfOneSale_HoldsEveryLine_WithOneDeadline_AndNamesThemAsItems()
    {
        var (ticket, parking) = await TwoOfOneSaleAsync(10, 5);

        var cart = await _alice.ReserveCartOkAsync([(ticket, 2), (parking, 1)]);

        cart.Items.Should().Equal(new ReservationItemResponse(ticket, 2, 25.50m), new ReservationItemResponse(parking, 1, 25.50m));
        (cart.ProductId, cart.Quantity, cart.UnitPrice).Should().Be((null, null, null));
        cart.Total.Should().Be(76.50m);
        cart.Status.Should().Be(HoldStatus.Held);
        (await HeldAsync(ticket, parking)).Should().Equal(2, 1);
        var read = await (await _alice.GetReservationAsync(cart.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
        read.Should().Be(cart);
    }

    [Fact]
    public async Task PurchasingACart_BuysEveryLine_AndItsPurchaseEntryListsThemInOrder()
    {
        var (ticket, parking) = await TwoOfOneSaleAsync(10, 5);
        var cart = await _alice.ReserveCartOkAsync([(ticket, 2), (parking, 1)]);

        var purchased = await (await _alice.PurchaseAsync(cart.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        purchased.Should().Be(cart with { Status = HoldStatus.Purchased });
        var ledgers = await Task.WhenAll(api.LedgerAsync(ticket), api.LedgerAsync(parking));
        ledgers.Select(l => (l.Held, l.Purchasing)).Should().Equal((0, 2), (0, 1));
        ledgers.Should().AllSatisfy(l => l.ShouldBeBalanced());
        var entry = (await api.Redis.StreamRangeAsync(api.Keys.Purchases(api.Keys.ShardOf(ticket)))).Single(e => Names(e, cart.Id));
        entry.Values.Where(v => v.Name == "quantity").Select(v => (int)v.Value).Should().Equal(2, 1);
    }

    [Fact]
    public async Task ReleasingACart_GivesEveryLineBack()
    {
        var (ticket, parking) = await TwoOfOneSaleAsync(10, 5);
        var cart = await _alice.ReserveCartOkAsync([(ticket, 2), (parking, 1)]);

        (await _alice.ReleaseAsync(cart.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await AvailableAsync(ticket, parking)).Should().Equal(10, 5);
        (await (await _alice.PurchaseAsync(cart.Id)).ShouldBeProblemAsync(HttpStatusCode.Gone, "hold-released")).ValueKind
            .Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public async Task ExtendingACart_MovesItsOneDeadline_NeverPastItsStrictestProductsCap()
    {
        var saleId = CartCalls.NewSaleId();
        var loose = await api.CreateSaleProductAsync(saleId, 5, holdSeconds: 600, maxHoldSeconds: 1800);
        var strict = await api.CreateSaleProductAsync(saleId, 5, holdSeconds: 600, maxHoldSeconds: 700);
        var cart = await _alice.ReserveCartOkAsync([(loose.Id, 1), (strict.Id, 1)]);

        var extended = await (await _alice.ExtendAsync(cart.Id, 60)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
        var refused = await (await _alice.ExtendAsync(cart.Id, 60)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "extension-limit");

        extended.ExpiresAt.Should().Be(cart.ExpiresAt.AddSeconds(60));
        extended.Items.Should().Equal(cart.Items);
        refused.GetProperty("maxExpiresAt").GetDateTimeOffset().Should().Be(cart.CreatedAt.AddSeconds(700));
    }

    [Fact]
    public async Task ACartLastsAsLongAsItsShortestProductsHold_AndNoLongerThanItAsks()
    {
        var saleId = CartCalls.NewSaleId();
        var longer = await api.CreateSaleProductAsync(saleId, 5, holdSeconds: 600);
        var shorter = await api.CreateSaleProductAsync(saleId, 5, holdSeconds: 120);

        var cart = await _alice.ReserveCartOkAsync([(longer.Id, 1), (shorter.Id, 1)]);
        var tooLong = await _alice.ReserveCartAsync([(longer.Id, 1), (shorter.Id, 1)], holdSeconds: 121);

        (cart.ExpiresAt - cart.CreatedAt).Should().Be(TimeSpan.FromSeconds(120));
        (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hold-too-long")).GetProperty("holdSeconds").GetInt32().Should().Be(120);
        (await HeldAsync(longer.Id, shorter.Id)).Should().Equal(1, 1);
    }

    [Fact]
    public async Task ACartWithOneLineOutOfStock_HoldsNothing_AndNamesThatLinesProduct()
    {
        var (ticket, parking) = await TwoOfOneSaleAsync(10, 1);

        var response = await _alice.ReserveCartAsync([(ticket, 2), (parking, 2)]);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "out-of-stock");
        problem.GetProperty("productId").GetGuid().Should().Be(parking);
        problem.GetProperty("available").GetInt32().Should().Be(1);
        (await AvailableAsync(ticket, parking)).Should().Equal(10, 1);
    }

    [Fact]
    public async Task ACartOverOneProductsLimit_HoldsNothing_AndNamesThatProduct_WhileLimitsCountPerProduct()
    {
        var saleId = CartCalls.NewSaleId();
        var limited = await api.CreateSaleProductAsync(saleId, 10, maxPerCustomer: 2);
        var open = await api.CreateSaleProductAsync(saleId, 10);
        await _alice.ReserveCartOkAsync([(limited.Id, 1), (open.Id, 5)]);

        var response = await _alice.ReserveCartAsync([(open.Id, 1), (limited.Id, 2)]);
        var withinLimit = await _alice.ReserveCartAsync([(open.Id, 4), (limited.Id, 1)]);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "limit-exceeded");
        problem.GetProperty("productId").GetGuid().Should().Be(limited.Id);
        problem.GetProperty("limit").GetInt32().Should().Be(2);
        withinLimit.StatusCode.Should().Be(HttpStatusCode.Created);
        (await HeldAsync(limited.Id, open.Id)).Should().Equal(2, 9);
    }

    [Fact]
    public async Task ACartWithAnUnknownProduct_Returns404NamingIt_AndHoldsNothing()
    {
        var (ticket, parking) = await TwoOfOneSaleAsync(10, 5);
        var unknown = Guid.CreateVersion7();
        var unknownInTheSaleShard = Enumerable.Range(0, 10_000).Select(_ => Guid.CreateVersion7())
            .First(id => api.Keys.ShardOf(id) == api.Keys.ShardOf(ticket));

        foreach (var missing in new[] { unknown, unknownInTheSaleShard })
        {
            var response = await _alice.ReserveCartAsync([(ticket, 1), (missing, 1), (parking, 1)]);

            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "product-not-found");
            problem.GetProperty("productId").GetGuid().Should().Be(missing);
        }

        (await AvailableAsync(ticket, parking)).Should().Equal(10, 5);
    }

    [Fact]
    public async Task ACartOfProductsOfTwoSales_OrWithoutASale_Returns409CartSpansSales_AndHoldsNothing()
    {
        var (ticket, _) = await TwoOfOneSaleAsync(10, 5);
        var otherSale = await api.CreateSaleProductAsync(CartCalls.NewSaleId(), 5);
        var noSale = await api.CreateProductAsync(stock: 5);
        var noSaleInTheShard = await ProductWithoutASaleInTheShardOfAsync(ticket);

        foreach (var other in new[] { otherSale.Id, noSale.Id, noSaleInTheShard })
        {
            var response = await _alice.ReserveCartAsync([(ticket, 1), (other, 1)]);

            (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "cart-spans-sales")).GetProperty("productId").GetGuid()
                .Should().Be(other);
            (await AvailableAsync(ticket, other)).Should().Equal(10, 5);
        }
    }

    [Fact]
    public async Task ACartOfOneLine_IsAHoldOfOneProduct_AnyProductWillDo()
    {
        var product = await api.CreateProductAsync(stock: 5);

        var hold = await _alice.ReserveCartOkAsync([(product.Id, 2)]);

        (hold.ProductId, hold.Quantity, hold.UnitPrice).Should().Be((product.Id, 2, product.Price));
        hold.Items.Should().Equal(new ReservationItemResponse(product.Id, 2, product.Price));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public async Task ACartOfNoneOrMoreThanTwentyLines_Returns400_AndHoldsNothing(int lines)
    {
        var products = await api.CreateSaleAsync([.. Enumerable.Repeat(5, Math.Max(lines, 1))]);

        var response = await _alice.ReserveCartAsync(products.Take(lines).Select(p => (p.Id, 1)));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation")).GetProperty("errors").TryGetProperty("items", out _)
            .Should().BeTrue();
        (await AvailableAsync([.. products.Select(p => p.Id)])).Should().OnlyContain(available => available == 5);
    }

    [Fact]
    public async Task ACartNamingAProductTwice_OrAlsoAProductAndQuantity_OrANullItem_Returns400_AndHoldsNothing()
    {
        var (ticket, parking) = await TwoOfOneSaleAsync(10, 5);

        var twice = await _alice.ReserveCartAsync([(ticket, 1), (parking, 1), (ticket, 2)]);
        var bothForms = await _alice.PostRawJsonAsync("/api/reservations",
            $$"""{"productId":"{{ticket}}","quantity":1,"items":[{"productId":"{{parking}}","quantity":1}]}""");
        var zero = await _alice.ReserveCartAsync([(ticket, 1), (parking, 0)]);
        var nullItem = await _alice.PostRawJsonAsync("/api/reservations", $$"""{"items":[{"productId":"{{ticket}}","quantity":1},null]}""");

        await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        await bothForms.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        await zero.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        await nullItem.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        (await AvailableAsync(ticket, parking)).Should().Equal(10, 5);
    }

    [Fact]
    public async Task ACartPastItsDeadline_ExpiresWhole_AndReadsAsExpired()
    {
        var (ticket, parking) = await TwoOfOneSaleAsync(10, 5);
        var cart = await _alice.ReserveCartOkAsync([(ticket, 2), (parking, 3)], holdSeconds: 1);
        var gate = api.Services.GetRequiredService<IHoldExpiry>();

        await Eventually.TrueAsync(async () =>
        {
            await gate.ExpireDueAsync(api.Keys.ShardOf(ticket), Ct);
            return (await AvailableAsync(ticket, parking)).SequenceEqual([10, 5]);
        }, TimeSpan.FromSeconds(10));

        var read = await (await _alice.GetReservationAsync(cart.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
        read.Status.Should().Be(HoldStatus.Expired);
        read.Items.Should().Equal(cart.Items);
        await (await _alice.PurchaseAsync(cart.Id)).ShouldBeProblemAsync(HttpStatusCode.Gone, "hold-expired");
        (await Task.WhenAll(api.LedgerAsync(ticket), api.LedgerAsync(parking))).Should().AllSatisfy(l => l.ShouldBeBalanced());
    }

    [Fact]
    public async Task ACartWhoseSecondLinesHeldUnitsAreCorrupt_HoldsNothing_NotEvenItsFirstLine()
    {
        var (ticket, parking) = await TwoOfOneSaleAsync(10, 5);
        var stock = api.Keys.Stock(api.Keys.ShardOf(ticket));
        var parkingHeld = Infrastructure.Redis.RedisKeys.StockField(parking, 'h');
        await api.Redis.HashSetAsync(stock, parkingHeld, "not-a-number");
        try
        {
            var response = await _alice.ReserveCartAsync([(ticket, 2), (parking, 1)]);

            response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
            (await api.Redis.HashGetAsync(stock, Infrastructure.Redis.RedisKeys.StockField(ticket, 'a'))).Should().Be(10);
            (await api.Redis.HashGetAsync(stock, Infrastructure.Redis.RedisKeys.StockField(ticket, 'h'))).Should().Be(0);
        }
        finally
        {
            await api.Redis.HashSetAsync(stock, parkingHeld, 0);
        }
    }

    private async Task<(Guid, Guid)> TwoOfOneSaleAsync(int firstStock, int secondStock)
    {
        var products = await api.CreateSaleAsync(firstStock, secondStock);
        return (products[0].Id, products[1].Id);
    }

    // A product created without a sale whose id happens to fall in the same shard: only the sale check can refuse it.
    private async Task<Guid> ProductWithoutASaleInTheShardOfAsync(Guid product)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var candidate = await api.CreateProductAsync(stock: 5);
            if (api.Keys.ShardOf(candidate.Id) == api.Keys.ShardOf(product))
            {
                return candidate.Id;
            }
        }

        throw new InvalidOperationException("No product without a sale fell in the shard.");
    }

    private async Task<int[]> AvailableAsync(params Guid[] products) =>
        [.. (await Task.WhenAll(products.Select(p => api.LedgerAsync(p)))).Select(l => l.Available)];

    private async Task<int[]> HeldAsync(params Guid[] products) =>
        [.. (await Task.WhenAll(products.Select(p => api.LedgerAsync(p)))).Select(l => l.Held)];

    private static bool Names(StackExchange.Redis.StreamEntry entry, Guid holdId) =>
        ((byte[])entry["hold"]!).AsSpan().SequenceEqual(Infrastructure.Redis.RedisKeys.HoldField(holdId));
}
