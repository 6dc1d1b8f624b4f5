using System.Net;
using Reservations.Application.Common.Paging;
using Reservations.Application.Products;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Products;

public sealed class ReadProductTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient(token: null);
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Fact]
    public async Task GetProduct_Anonymously_ReturnsProductWithAvailableFromRedis()
    {
        var created = await CreateAsync(stock: 30);
        var shard = api.Keys.ShardOf(created.Id);
        await api.Redis.HashSetAsync($"{api.KeyPrefix}:{{s{shard}}}:stock", RedisKeys.StockField(created.Id, 'a'), 17);

        var product = await (await _anonymous.GetAsync(new Uri($"/api/products/{created.Id}", UriKind.Relative), TestContext.Current.CancellationToken))
            .ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.OK);

        product.Should().BeEquivalentTo(created with { Available = 17 });
    }

    [Fact]
    public async Task GetProduct_WhenUnknown_Returns404ProductNotFound()
    {
        var response = await _anonymous.GetAsync(new Uri($"/api/products/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "product-not-found");
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("123")]
    public async Task GetProduct_WithNonUuidId_Returns404(string id)
    {
        var response = await _anonymous.GetAsync(new Uri($"/api/products/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task ListProducts_PagesInCreationOrderWithTotal()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(stock: i + 1);
        }

        var total = (await ListAsync("?pageSize=1")).Total;
        var all = await ListAsync($"?page=1&pageSize={total}");
        var firstTwo = await ListAsync("?page=1&pageSize=2");
        var second = await ListAsync("?page=2&pageSize=2");

        total.Should().BeGreaterThanOrEqualTo(3);
        all.Items.Should().HaveCount(total);
        firstTwo.Items.Select(p => p.Id).Should().Equal(all.Items.Take(2).Select(p => p.Id));
        second.Items.Select(p => p.Id).Should().Equal(all.Items.Skip(2).Take(2).Select(p => p.Id));
        second.Page.Should().Be(2);
        second.PageSize.Should().Be(2);
    }

    [Fact]
    public async Task ListProducts_WithoutPaging_UsesPage1Of20()
    {
        var page = await ListAsync(string.Empty);

        page.Page.Should().Be(1);
        page.PageSize.Should().Be(20);
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=101")]
    [InlineData("?page=abc")]
    [InlineData("?pageSize=1.5")]
    public async Task ListProducts_WithInvalidPaging_Returns400(string query)
    {
        var response = await _anonymous.GetAsync(new Uri($"/api/products{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    private async Task<ProductResponse> CreateAsync(int stock) =>
        await (await _admin.PostJsonAsync("/api/products", ProductRequests.Valid(stock))).ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);

    private async Task<PagedResponse<ProductResponse>> ListAsync(string query) =>
        await (await _anonymous.GetAsync(new Uri($"/api/products{query}", UriKind.Relative), TestContext.Current.CancellationToken))
            .ShouldBeJsonAsync<PagedResponse<ProductResponse>>(HttpStatusCode.OK);
}
