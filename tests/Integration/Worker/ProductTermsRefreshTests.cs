using System.Net;
using Reservations.Application.Reservations;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;

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
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, ReservationErrors.SaleNotOpenCode);
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
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, ReservationErrors.SaleNotOpenCode);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 9, Held = 1, Balanced = true });
    }

    [Fact]
    public async Task AnEditWhileTheWorkerRuns_ThatLosesItsTerms_GetsThemBackOnALaterPass()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.Redis.HashDeleteAsync(CatalogKey(product.Id), RedisKeys.ProductField(product.Id));
        var worker = await TestWorker.StartAsync(api, ("Reservations:TermsRefreshInterval", Refresh.ToString()));
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

    private async Task WithWorkerAsync(Func<Task<bool>> done)
    {
        var worker = await TestWorker.StartAsync(api, ("Reservations:TermsRefreshInterval", Refresh.ToString()));
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
