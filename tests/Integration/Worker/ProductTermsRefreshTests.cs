using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Domain.Products;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>The Worker writes the gate's terms of recently edited products again: an edit that missed Redis reaches it.</summary>
public sealed class ProductTermsRefreshTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task TermsDeletedAfterAnEdit_AreWrittenBackFromPostgres_AndTheStockIsLeftAlone()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.CreateClient(Tokens.Customer("refresh-ann")).ReserveOkAsync(product.Id);
        await api.PatchProductOkAsync(product.Id, """{"paused":true,"price":12.00}""");
        await api.Redis.HashDeleteAsync(CatalogKey(product.Id), RedisKeys.ProductField(product.Id));
        await (await api.CreateClient(Tokens.Customer("refresh-ann")).ReserveAsync(product.Id))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "product-not-found");

        await WithWorkerAsync(() => TermsAreAsync(product.Id, "600||1800|||1|12.00"));

        await (await api.CreateClient(Tokens.Customer("refresh-ann")).ReserveAsync(product.Id))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, HoldErrors.SaleNotOpenCode);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 9, Held = 1, Balanced = true });
    }

    [Fact]
    public async Task StaleTermsWrittenOverAnEdit_AreReplacedByTheCommittedOnes()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.PatchProductOkAsync(product.Id, """{"paused":true}""");
        await api.Redis.HashSetAsync(CatalogKey(product.Id), RedisKeys.ProductField(product.Id), "600||1800|||0|49.90");
        await api.CreateClient(Tokens.Customer("refresh-ben")).ReserveOkAsync(product.Id);

        await WithWorkerAsync(() => TermsAreAsync(product.Id, "600||1800|||1|49.90"));

        await (await api.CreateClient(Tokens.Customer("refresh-ben")).ReserveAsync(product.Id))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, HoldErrors.SaleNotOpenCode);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 9, Held = 1, Balanced = true });
    }

    [Fact]
    public async Task AnEditWhileTheWorkerRuns_ThatLosesItsTerms_GetsThemBackOnALaterPass()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.Redis.HashDeleteAsync(CatalogKey(product.Id), RedisKeys.ProductField(product.Id));
        var worker = await TestWorker.StartAsync(api, ("Worker:TermsRefreshInterval", Refresh.ToString()));
        try
        {
            // Back: the Worker's first pass has gone by this product, so only a later pass can bring the edit's terms.
            await Eventually.TrueAsync(() => TermsAreAsync(product.Id, "600||1800|||0|49.90"), TimeSpan.FromSeconds(10));
            await api.PatchProductOkAsync(product.Id, """{"maxPerCustomer":3}""");
            await api.Redis.HashDeleteAsync(CatalogKey(product.Id), RedisKeys.ProductField(product.Id));

            await Eventually.TrueAsync(() => TermsAreAsync(product.Id, "600|3|1800|||0|49.90"), TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task RedisRefusingTheTermsAfterTheCommit_Answers503ChangePending_AndTheWorkerBringsThemToTheGate()
    {
        // A Redis of this test's own: it is made to refuse every write (maxmemory reached under noeviction).
        await using var redis = await ScratchRedis.StartAsync();
        await using var scratchApi = api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Redis", redis.ConnectionString));
        var admin = scratchApi.CreateClient(Tokens.Admin());
        var product = await (await admin.PostJsonAsync("/api/products", ProductRequests.Valid(stock: 10)))
            .ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = connection.GetServers().Single();
        var terms = connection.GetDatabase();
        await server.ConfigSetAsync("maxmemory", "1");

        var response = await admin.PatchProductAsync(product.Id, """{"paused":true}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "change-pending");
        (await api.ChangesAsync(product.Id)).Total.Should().Be(1);
        (await terms.HashGetAsync(CatalogKey(product.Id), RedisKeys.ProductField(product.Id))).ToString().Should().Be("600||1800|||0|49.90");
        await server.ConfigSetAsync("maxmemory", "0");
        var worker = await TestWorker.StartAsync(
            api, ("ConnectionStrings:Redis", redis.ConnectionString), ("Worker:TermsRefreshInterval", Refresh.ToString()));
        try
        {
            await Eventually.TrueAsync(
                async () => (await terms.HashGetAsync(CatalogKey(product.Id), RedisKeys.ProductField(product.Id))).ToString() == "600||1800|||1|49.90",
                TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        await (await scratchApi.CreateClient(Tokens.Customer("refresh-cat")).ReserveAsync(product.Id))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, HoldErrors.SaleNotOpenCode);
    }

    [Fact]
    public async Task ConcurrentPatchesOfDifferentFields_AllApply_EachAuditedAfterTheOneBefore_AndTheGateEndsWithTheCommittedTerms()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var patches = new[]
        {
            """{"name":"Renamed"}""", """{"price":20.00}""", """{"maxPerCustomer":4}""", """{"paused":true}""",
            """{"holdSeconds":120}""", """{"salesCloseAt":"2031-01-01T00:00:00Z"}""", """{"price":30.00}""", """{"maxHoldSeconds":900}""",
        };

        var statuses = await Task.WhenAll(patches.Select(async json =>
            (await api.CreateClient(Tokens.Admin()).PatchProductAsync(product.Id, json)).StatusCode));

        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK);
        var edited = await api.GetProductAsync(product.Id);
        edited.Should().BeEquivalentTo(new
        {
            Name = "Renamed", MaxPerCustomer = (int?)4, Paused = true, HoldSeconds = 120, MaxHoldSeconds = 900,
            SalesCloseAt = (DateTimeOffset?)new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        var changes = (await api.ChangesAsync(product.Id)).Items.Reverse().ToList();
        changes.Should().HaveCount(patches.Length);
        var prices = changes.Where(c => c.Changes.TryGetProperty("price", out _)).Select(c => c.Changes.GetProperty("price")).ToList();
        prices.Should().HaveCount(2);
        prices[1].GetProperty("before").GetDecimal().Should().Be(prices[0].GetProperty("after").GetDecimal(), "each edit applies to the product as the one before committed it");
        edited.Price.Should().Be(prices[1].GetProperty("after").GetDecimal());
        var committed = FormattableString.Invariant($"120|4|900||{new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()}|1|{edited.Price:0.00}");

        await WithWorkerAsync(() => TermsAreAsync(product.Id, committed));
    }

    [Fact]
    public async Task TheRefreshesWalk_VisitsEveryProductUpdatedSince_OnceEach_InBatchesByUpdateThenId()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await api.CreateProductAsync(stock: 1)).Id);
        }

        await using var scope = api.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ICatalog>();
        var walked = new List<Product>();
        for (Product? last = null; ;)
        {
            var batch = await catalog.ListUpdatedSinceAsync(since, last, 2, TestContext.Current.CancellationToken);
            walked.AddRange(batch);
            if (batch.Count < 2)
            {
                break;
            }

            last = batch[^1];
        }

        walked.Select(p => p.Id).Should().OnlyHaveUniqueItems().And.Contain(created);
        walked.Should().BeInAscendingOrder(p => p.UpdatedAt);
    }

    private async Task WithWorkerAsync(Func<Task<bool>> done)
    {
        var worker = await TestWorker.StartAsync(api, ("Worker:TermsRefreshInterval", Refresh.ToString()));
        try
        {
            await Eventually.TrueAsync(done, TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    private async Task<bool> TermsAreAsync(Guid productId, string terms) =>
        (await api.Redis.HashGetAsync(CatalogKey(productId), RedisKeys.ProductField(productId))).ToString() == terms;

    private string CatalogKey(Guid productId) => api.Keys.Catalog(api.Keys.ShardOf(productId)).ToString();
}
