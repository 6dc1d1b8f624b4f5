using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Domain.Products;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// The gate keeps the version of the terms it has and takes no older ones: a writer that read a product before an edit
/// (the Worker's refresh pass, a warm-up, a slow create) cannot put the terms from before the edit back, not even for
/// the two seconds until the next refresh pass.
/// </summary>
public sealed class TermsVersionTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IStockGate Gate => api.Services.GetRequiredService<IStockGate>();

    [Fact]
    public async Task TermsReadBeforeAnEdit_WrittenAfterIt_AreRefused_AndReservesTakeTheEditedTerms()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var before = await ReadAsync(product.Id);

        await api.PatchProductOkAsync(product.Id, """{"price":12.00,"paused":true}""");
        await Gate.WriteTermsAsync(before.ToInventoryItem(before.Unsold), Ct);
        await Gate.InitializeAsync(before.ToInventoryItem(before.Unsold), Ct);

        (await TermsAsync(product.Id)).Should().Be("600||1800|||1|12.00");
        var reserve = await api.CreateClient(Tokens.Customer("alice")).ReserveAsync(product.Id);
        await reserve.ShouldBeProblemAsync(System.Net.HttpStatusCode.Conflict, "sale-not-open");
    }

    [Fact]
    public async Task TermsOfTheSameOrALaterVersion_AreWritten()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await api.PatchProductOkAsync(product.Id, """{"price":12.00}""");
        var edited = await ReadAsync(product.Id);
        await api.Redis.HashSetAsync(Catalog(product.Id), RedisKeys.ProductField(product.Id), "600||1800|||1|99.00");

        await Gate.WriteTermsAsync(edited.ToInventoryItem(edited.Unsold), Ct);

        edited.TermsVersion.Should().Be(2);
        (await TermsAsync(product.Id)).Should().Be("600||1800|||0|12.00", "the same version is written again");
    }

    private async Task<Product> ReadAsync(Guid productId)
    {
        using var scope = api.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ICatalog>().FindAsync(productId, Ct))!;
    }

    private StackExchange.Redis.RedisKey Catalog(Guid productId) => api.Keys.Catalog(api.Keys.ShardOf(productId));

    private async Task<string> TermsAsync(Guid productId) =>
        (await api.Redis.HashGetAsync(Catalog(productId), RedisKeys.ProductField(productId))).ToString();
}
