using System.Net;
using System.Text.Json;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Products;

public sealed class EditProductTests(ReservationsApiFactory api) : EditProductSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class EditProductOnClusterTests(ClusterApiFactory api) : EditProductSuite(api), IClassFixture<ClusterApiFactory>;

/// <summary>PATCH changes what GET shows, what the gate does with new reserves and what the audit lists; holds taken stay as they were.</summary>
public abstract class EditProductSuite(ReservationsApiFactory api)
{
    [Fact]
    public async Task Patch_EveryField_IsWhatGetShows()
    {
        var product = await api.CreateProductAsync(stock: 10, maxPerCustomer: 2, holdSeconds: 60);
        var opens = ProductEditCalls.WholeSecondsFromNow(TimeSpan.FromDays(1));

        var patched = await api.PatchProductOkAsync(product.Id, $$"""
            {"name":"Stadium tour","price":12.50,"maxPerCustomer":5,"holdSeconds":120,"maxHoldSeconds":600,
             "salesOpenAt":{{ProductEditCalls.Json(opens)}},"salesCloseAt":{{ProductEditCalls.Json(opens.AddHours(2))}},"paused":true}
            """);

        var expected = new
        {
            Name = "Stadium tour", Price = 12.50m, MaxPerCustomer = (int?)5, HoldSeconds = 120, MaxHoldSeconds = 600,
            SalesOpenAt = (DateTimeOffset?)opens, SalesCloseAt = (DateTimeOffset?)opens.AddHours(2), Paused = true,
            TotalStock = 10, Available = 10, product.Sku,
        };
        patched.Should().BeEquivalentTo(expected);
        (await api.GetProductAsync(product.Id)).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task Patch_Price_AppliesToNewHoldsOnly_AndTheEarlierHoldIsBoughtAtItsOwnPrice()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var alice = api.CreateClient(Tokens.Customer("price-alice"));
        var before = await alice.ReserveOkAsync(product.Id);

        await api.PatchProductOkAsync(product.Id, """{"price":99.00}""");
        var after = await alice.ReserveOkAsync(product.Id);

        before.UnitPrice.Should().Be(product.Price);
        after.UnitPrice.Should().Be(99.00m);
        var bought = await (await alice.PurchaseAsync(before.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
        bought.Should().BeEquivalentTo(new { Status = HoldStatus.Purchased, UnitPrice = product.Price });
    }

    [Fact]
    public async Task Patch_MaxPerCustomer_LimitsNewReserves_KeepsHoldsTaken_AndNullRemovesTheLimit()
    {
        var product = await api.CreateProductAsync(stock: 10, maxPerCustomer: 3);
        var bob = api.CreateClient(Tokens.Customer("limit-bob"));
        var taken = await bob.ReserveOkAsync(product.Id, quantity: 2);

        await api.PatchProductOkAsync(product.Id, """{"maxPerCustomer":1}""");
        var refused = await (await bob.ReserveAsync(product.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "limit-exceeded");
        refused.GetProperty("limit").GetInt32().Should().Be(1);
        (await bob.PurchaseAsync(taken.Id)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await api.PatchProductOkAsync(product.Id, """{"maxPerCustomer":null}""")).MaxPerCustomer.Should().BeNull();
        await bob.ReserveOkAsync(product.Id, quantity: 5);
        (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
    }

    [Fact]
    public async Task Patch_HoldSeconds_IsTheLengthOfNewHolds()
    {
        var product = await api.CreateProductAsync(stock: 10, holdSeconds: 60);
        var carol = api.CreateClient(Tokens.Customer("hold-carol"));
        var before = await carol.ReserveOkAsync(product.Id);

        await api.PatchProductOkAsync(product.Id, """{"holdSeconds":900,"maxHoldSeconds":1800}""");
        var after = await carol.ReserveOkAsync(product.Id);

        (before.ExpiresAt - before.CreatedAt).Should().Be(TimeSpan.FromSeconds(60));
        (after.ExpiresAt - after.CreatedAt).Should().Be(TimeSpan.FromSeconds(900));
        (await carol.GetReservationAsync(before.Id)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Paused_RefusesReserves_WithSaleNotOpen_HoldsTakenCanStillBeBought_AndUnpausingSellsAgain()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var dave = api.CreateClient(Tokens.Customer("pause-dave"));
        var taken = await dave.ReserveOkAsync(product.Id);

        await api.PatchProductOkAsync(product.Id, """{"paused":true}""");
        var refused = await (await dave.ReserveAsync(product.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, HoldErrors.SaleNotOpenCode);
        refused.TryGetProperty("opensAt", out _).Should().BeFalse();
        (await dave.PurchaseAsync(taken.Id)).StatusCode.Should().Be(HttpStatusCode.OK);

        await api.PatchProductOkAsync(product.Id, """{"paused":false}""");
        await dave.ReserveOkAsync(product.Id);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 8, Held = 1, Purchasing = 1, Balanced = true });
    }

    [Fact]
    public async Task SalesCloseAtInThePast_RefusesReserves_AndSalesOpenAtAhead_RefusesWithOpensAt_UntilCleared()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var erin = api.CreateClient(Tokens.Customer("window-erin"));
        var taken = await erin.ReserveOkAsync(product.Id);
        var opens = ProductEditCalls.WholeSecondsFromNow(TimeSpan.FromHours(1));

        await api.PatchProductOkAsync(product.Id, $$"""{"salesCloseAt":{{ProductEditCalls.Json(DateTimeOffset.UtcNow.AddMinutes(-1))}}}""");
        await (await erin.ReserveAsync(product.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, HoldErrors.SaleNotOpenCode);

        await api.PatchProductOkAsync(product.Id, $$"""{"salesCloseAt":null,"salesOpenAt":{{ProductEditCalls.Json(opens)}}}""");
        var refused = await (await erin.ReserveAsync(product.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, HoldErrors.SaleNotOpenCode);
        refused.GetProperty("opensAt").GetDateTimeOffset().Should().Be(opens);

        await api.PatchProductOkAsync(product.Id, """{"salesOpenAt":null}""");
        await erin.ReserveOkAsync(product.Id);
        (await erin.PurchaseAsync(taken.Id)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"color":"red"}""", "color")]
    [InlineData("""{"name":null}""", "name")]
    [InlineData("""{"price":"5"}""", "price")]
    [InlineData("""{"holdSeconds":1.5}""", "holdSeconds")]
    [InlineData("""{"paused":"yes"}""", "paused")]
    [InlineData("""{"paused":null}""", "paused")]
    [InlineData("""{"maxPerCustomer":0}""", "maxPerCustomer")]
    [InlineData("""{"salesOpenAt":"2030-01-01T10:00:00Z","salesCloseAt":"2030-01-01T09:00:00Z"}""", "salesCloseAt")]
    [InlineData("""{"holdSeconds":700}""", "holdSeconds")]
    [InlineData("""{"salesOpenAt":"2030-01-01T10:00:00"}""", "salesOpenAt")]
    [InlineData("""{"salesCloseAt":"1969-01-01T10:00:00Z"}""", "salesCloseAt")]
    [InlineData("""{"name":"a","name":"b"}""", "$")]
    [InlineData("""[1]""", "$")]
    public async Task BadPatch_Is400NamingTheField_AndChangesNothing(string json, string field)
    {
        var product = await api.CreateProductAsync(stock: 10, holdSeconds: 200);

        var response = await api.CreateClient(Tokens.Admin()).PatchProductAsync(product.Id, json);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
        (await api.GetProductAsync(product.Id)).Should().BeEquivalentTo(product);
        (await api.ChangesAsync(product.Id)).Total.Should().Be(0);
    }

    [Fact]
    public async Task SalesCloseAtBeforeTheProductsSalesOpenAt_Is400NamingBoth_AndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var opens = DateTimeOffset.UtcNow.AddDays(2);
        await api.PatchProductOkAsync(product.Id, $$"""{"salesOpenAt":{{ProductEditCalls.Json(opens)}}}""");
        var before = await api.GetProductAsync(product.Id);

        var response = await api.CreateClient(Tokens.Admin()).PatchProductAsync(
            product.Id, $$"""{"salesCloseAt":{{ProductEditCalls.Json(opens.AddDays(-1))}},"name":"never"}""");

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        errors.TryGetProperty("salesOpenAt", out _).Should().BeTrue();
        errors.TryGetProperty("salesCloseAt", out _).Should().BeTrue();
        (await api.GetProductAsync(product.Id)).Should().BeEquivalentTo(before);
        (await api.ChangesAsync(product.Id)).Total.Should().Be(1);
    }

    [Fact]
    public async Task Patch_SaleId_Is400_AndChangesNothing()
    {
        var sale = $"sale-{Guid.NewGuid():N}";
        var product = await api.CreateProductAsync(stock: 10, saleId: sale);

        var refused = await (await api.CreateClient(Tokens.Admin()).PatchProductAsync(product.Id, """{"saleId":"other-sale","paused":true}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");

        refused.GetProperty("errors").GetProperty("saleId")[0].GetString().Should().Contain("cannot change");
        (await api.GetProductAsync(product.Id)).Should().BeEquivalentTo(new { SaleId = sale, Paused = false });
        (await api.ChangesAsync(product.Id)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Patch_AsApplicationJson_Is415_ForAnUnknownProduct404_AndForACustomer403()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var admin = api.CreateClient(Tokens.Admin());

        await (await admin.PatchProductAsync(product.Id, """{"paused":true}""", "application/json"))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await (await admin.PatchProductAsync(Guid.CreateVersion7(), """{"paused":true}"""))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "product-not-found");
        await (await api.CreateClient(Tokens.Customer("not-an-admin")).PatchProductAsync(product.Id, """{"paused":true}"""))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await api.GetProductAsync(product.Id)).Paused.Should().BeFalse();
    }

    [Fact]
    public async Task Changes_ListWhoChangedWhatNewestFirst_WithBeforeAfterAndReason_AndANoOpPatchRecordsNothing()
    {
        var product = await api.CreateProductAsync(stock: 10, maxPerCustomer: 2);
        var started = DateTimeOffset.UtcNow;
        (await api.CreateClient(Tokens.Admin("frank")).PatchProductAsync(product.Id, """{"price":10.00,"maxPerCustomer":null}""", reason: "launch price"))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.CreateClient(Tokens.Admin("grace")).PatchProductAsync(product.Id, """{"paused":true}""")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.CreateClient(Tokens.Admin("grace")).PatchProductAsync(product.Id, """{"paused":true}""")).StatusCode.Should().Be(HttpStatusCode.OK);

        var changes = await api.ChangesAsync(product.Id);

        changes.Total.Should().Be(2);
        changes.Items.Should().SatisfyRespectively(
            latest =>
            {
                latest.Should().BeEquivalentTo(new { Actor = "grace", Reason = (string?)null });
                latest.Changes.EnumerateObject().Select(p => p.Name).Should().Equal("paused");
                latest.Changes.GetProperty("paused").GetProperty("before").GetBoolean().Should().BeFalse();
                latest.Changes.GetProperty("paused").GetProperty("after").GetBoolean().Should().BeTrue();
            },
            first =>
            {
                first.Should().BeEquivalentTo(new { Actor = "frank", Reason = "launch price" });
                first.Changes.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("price", "maxPerCustomer");
                first.Changes.GetProperty("price").GetProperty("before").GetDecimal().Should().Be(product.Price);
                first.Changes.GetProperty("price").GetProperty("after").GetDecimal().Should().Be(10.00m);
                first.Changes.GetProperty("maxPerCustomer").GetProperty("before").GetInt32().Should().Be(2);
                first.Changes.GetProperty("maxPerCustomer").GetProperty("after").ValueKind.Should().Be(JsonValueKind.Null);
            });
        changes.Items.Should().OnlyContain(c => c.At >= started.AddSeconds(-1) && c.At <= DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Create_WithASaleWindow_RefusesUntilItOpens_AndACloseBeforeTheOpenIs400()
    {
        var opens = ProductEditCalls.WholeSecondsFromNow(TimeSpan.FromHours(1));
        var admin = api.CreateClient(Tokens.Admin());
        var created = await (await admin.PostJsonAsync("/api/products", new
        {
            sku = ProductRequests.NewSku(), name = "Drop", price = 5m, stock = 5, salesOpenAt = opens, salesCloseAt = opens.AddHours(1),
        })).ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);

        created.Should().BeEquivalentTo(new { SalesOpenAt = (DateTimeOffset?)opens, SalesCloseAt = (DateTimeOffset?)opens.AddHours(1), Paused = false });
        var refused = await (await api.CreateClient(Tokens.Customer("early-bird")).ReserveAsync(created.Id))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, HoldErrors.SaleNotOpenCode);
        refused.GetProperty("opensAt").GetDateTimeOffset().Should().Be(opens);
        await (await admin.PostJsonAsync("/api/products", new
        {
            sku = ProductRequests.NewSku(), name = "Drop", price = 5m, stock = 5, salesOpenAt = opens, salesCloseAt = opens.AddHours(-1),
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
    }
}
