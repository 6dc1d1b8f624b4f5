using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.WebApi.Products;

public sealed class CreateProductTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Fact]
    public async Task CreateProduct_AsAdmin_Returns201WithLocationAndAvailableEqualToStock()
    {
        var response = await _admin.PostJsonAsync("/api/products", ProductRequests.Valid(stock: 250, maxPerCustomer: 4));

        var product = await response.ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.Should().Be($"/api/products/{product.Id}");
        product.TotalStock.Should().Be(250);
        product.Available.Should().Be(250);
        product.MaxPerCustomer.Should().Be(4);
        product.Price.Should().Be(49.90m);
        product.Id.Version.Should().Be(7);
    }

    [Fact]
    public async Task CreateProduct_WhenCreated_InitializesRedisStateOfItsShard()
    {
        var response = await _admin.PostJsonAsync("/api/products", ProductRequests.Valid(stock: 42, maxPerCustomer: 3, holdSeconds: 90, price: 10.05m));
        var product = await response.ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);

        var shard = api.Keys.ShardOf(product.Id);
        var stock = await api.Redis.HashGetAsync(
            $"{api.KeyPrefix}:{{s{shard}}}:stock", [.. "ahp".Select(c => (RedisValue)RedisKeys.StockField(product.Id, c))]);
        stock.Select(v => v.ToString()).Should().Equal("42", "0", "0");
        (await api.Redis.HashGetAsync($"{api.KeyPrefix}:{{s{shard}}}:catalog", RedisKeys.ProductField(product.Id)))
            .ToString().Should().Be("90|3|270|||0|10.05", "hold seconds|limit|cap|opens|closes|paused|price");
    }

    [Fact]
    public async Task CreateProduct_TwoOfOneSale_LandInOneShard_AndTheGateTermsCarryTheSale()
    {
        var sale = $"sale-{Guid.NewGuid():N}";

        var first = await api.CreateProductAsync(stock: 5, holdSeconds: 600, saleId: sale);
        var second = await api.CreateProductAsync(stock: 5, holdSeconds: 600, saleId: sale);

        first.SaleId.Should().Be(sale);
        second.SaleId.Should().Be(sale);
        api.Keys.ShardOf(second.Id).Should().Be(api.Keys.ShardOf(first.Id)).And.Be(api.Keys.ShardOfSale(sale));
        (await api.GetProductAsync(first.Id)).SaleId.Should().Be(sale);
        (await api.Redis.HashGetAsync(api.Keys.Catalog(api.Keys.ShardOf(first.Id)), RedisKeys.ProductField(first.Id)))
            .ToString().Should().Be($"600||1800|||s:{sale}|0|49.90", "hold seconds|limit|cap|opens|closes|s:sale|paused|price");
        (await api.ScalarAsync<string>($"SELECT sale_id FROM products WHERE id = '{second.Id}'")).Should().Be(sale);
    }

    [Fact]
    public async Task CreateProduct_WithoutSale_ReturnsNoSaleId()
    {
        var product = await (await _admin.PostJsonAsync("/api/products", ProductRequests.Valid())).ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);

        product.SaleId.Should().BeNull();
    }

    [Fact]
    public async Task TermsWrittenBeforeTheHoldCapAndSaleWindow_StillTakeHoldsOnTheirTerms()
    {
        var product = await (await _admin.PostJsonAsync("/api/products", ProductRequests.Valid(stock: 5, maxPerCustomer: 2, holdSeconds: 90, price: 10.05m)))
            .ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
        await api.Redis.HashSetAsync(api.Keys.Catalog(api.Keys.ShardOf(product.Id)), RedisKeys.ProductField(product.Id), "90|2|10.05");
        var customer = api.CreateClient(Tokens.Customer($"old-terms-{Guid.NewGuid():N}"));

        var hold = await customer.ReserveOkAsync(product.Id, quantity: 2);

        hold.UnitPrice.Should().Be(10.05m);
        (hold.ExpiresAt - hold.CreatedAt).Should().Be(TimeSpan.FromSeconds(90));
        (await customer.ReserveAsync(product.Id)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the limit of 2 still counts");
    }

    [Fact]
    public async Task TermsOfTheNewLayoutThatDoNotParse_AreNeverReadAsTheOldLayout_AndTakeNoHold()
    {
        var product = await (await _admin.PostJsonAsync("/api/products", ProductRequests.Valid(stock: 5)))
            .ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
        // A negative instant: the seven-field pattern refuses it, and the old three-field one must not take the rest as
        // the price.
        await api.Redis.HashSetAsync(api.Keys.Catalog(api.Keys.ShardOf(product.Id)), RedisKeys.ProductField(product.Id), "600||1800|-315619200000||0|49.90");

        var reserve = () => api.Services.GetRequiredService<IHoldGate>().ReserveAsync(
            new ReserveRequest(product.Id, CustomerId.From("alice"), Quantity.From(1), null), TestContext.Current.CancellationToken);

        await reserve.Should().ThrowAsync<InvalidOperationException>().WithMessage("*malformed terms*");
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 5, Held = 0 });
    }

    [Fact]
    public async Task CreateProduct_WithoutHoldSeconds_UsesTenMinutes()
    {
        var response = await _admin.PostRawJsonAsync("/api/products", $$"""{"sku":"{{ProductRequests.NewSku()}}","name":"n","price":1,"stock":1}""");

        var product = await response.ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
        product.HoldSeconds.Should().Be(600);
        product.MaxPerCustomer.Should().BeNull();
    }

    [Fact]
    public async Task CreateProduct_WithMaxHoldSeconds_StoresItAndGivesItToTheGate()
    {
        var response = await _admin.PostJsonAsync("/api/products", ProductRequests.Valid(stock: 3, holdSeconds: 90, price: 10.05m, maxHoldSeconds: 1000));

        var product = await response.ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
        product.MaxHoldSeconds.Should().Be(1000);
        var read = await _admin.GetAsync(new Uri($"/api/products/{product.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        (await read.ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.OK)).MaxHoldSeconds.Should().Be(1000);
        (await api.Redis.HashGetAsync(api.Keys.Catalog(api.Keys.ShardOf(product.Id)), RedisKeys.ProductField(product.Id)))
            .ToString().Should().Be("90||1000|||0|10.05");
    }

    [Fact]
    public async Task CreateProduct_WithTakenSku_Returns409DuplicateSku()
    {
        var sku = ProductRequests.NewSku();
        var body = $$"""{"sku":"{{sku}}","name":"n","price":1,"stock":5}""";
        (await _admin.PostRawJsonAsync("/api/products", body)).StatusCode.Should().Be(HttpStatusCode.Created);

        var second = await _admin.PostRawJsonAsync("/api/products", body);

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate-sku");
    }

    [Fact]
    public async Task CreateProduct_RetriedAfterRedisFailedBehindThePostgresInsert_Returns201WithTheSameProductAndItSells()
    {
        var sku = ProductRequests.NewSku();
        var body = $$"""{"sku":"{{sku}}","name":"n","price":1,"stock":5}""";
        await using (var redisDown = api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Redis", "127.0.0.1:1,connectTimeout=200")))
        {
            var first = await redisDown.CreateClient(Tokens.Admin()).PostRawJsonAsync("/api/products", body);
            first.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }

        var retry = await _admin.PostRawJsonAsync("/api/products", body);

        var product = await retry.ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM products WHERE sku = '{sku}'")).Should().Be(1);
        product.Available.Should().Be(5);
        await api.CreateClient(Tokens.Customer("first-buyer")).ReserveOkAsync(product.Id);
        var again = await _admin.PostRawJsonAsync("/api/products", body);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate-sku");
    }

    [Fact]
    public async Task CreateProduct_WithUnknownProperties_IgnoresThem()
    {
        var body = $$"""{"sku":"{{ProductRequests.NewSku()}}","name":"n","price":1,"stock":5,"sold":5,"available":999,"id":"00000000-0000-0000-0000-000000000001"}""";

        var product = await (await _admin.PostRawJsonAsync("/api/products", body)).ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);

        product.Available.Should().Be(5);
        product.Id.Should().NotBe(Guid.Parse("00000000-0000-0000-0000-000000000001"));
    }
}
