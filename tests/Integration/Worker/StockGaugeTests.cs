using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reservations.Application.Purchases.Persist;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker.Metrics;

namespace Reservations.IntegrationTests.Worker;

/// <summary>The Worker's gauges report what its sampler last read of each product and of each shard's purchase stream.</summary>
public sealed class StockGaugeTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task AfterAReserve_TheProductGaugesReportItsAvailableHeldPurchasingAndSoldUnits()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var alice = api.CreateClient(Tokens.Customer("alice"));
        await alice.ReserveOkAsync(product.Id, quantity: 3);
        var bought = await alice.ReserveOkAsync(product.Id, quantity: 2);
        (await alice.PurchaseAsync(bought.Id)).EnsureSuccessStatusCode();
        using var worker = TestWorker.Build(api);

        await worker.Services.GetRequiredService<StockSampler>().SampleAsync(TestContext.Current.CancellationToken);

        var readings = GaugeReadings.Collect(worker).Where(r => Equals(r.Tags.GetValueOrDefault("product"), product.Id.ToString()));
        readings.ToDictionary(r => r.Instrument, r => r.Value).Should().BeEquivalentTo(new Dictionary<string, long>
        {
            ["reservations.product.available"] = 5,
            ["reservations.product.held"] = 3,
            ["reservations.product.purchasing"] = 2,
            ["reservations.product.sold"] = 0,
        });
        readings.Should().OnlyContain(r => Equals(r.Tags["sku"], product.Sku));
    }

    [Fact]
    public async Task OncePersisted_TheSoldGaugeCountsThePurchasedUnits()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var carol = api.CreateClient(Tokens.Customer("carol"));
        (await carol.PurchaseAsync((await carol.ReserveOkAsync(product.Id, quantity: 4)).Id)).EnsureSuccessStatusCode();
        using var worker = TestWorker.Build(api);
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new PersistPurchasesCommand(api.Keys.ShardOf(product.Id), Max: 100), TestContext.Current.CancellationToken);
        }

        await worker.Services.GetRequiredService<StockSampler>().SampleAsync(TestContext.Current.CancellationToken);

        GaugeReadings.Collect(worker).Where(r => Equals(r.Tags.GetValueOrDefault("product"), product.Id.ToString()))
            .ToDictionary(r => r.Instrument, r => r.Value)
            .Should().Contain([new("reservations.product.sold", 4), new("reservations.product.purchasing", 0), new("reservations.product.available", 6)]);
    }

    [Fact]
    public async Task EachSample_ReadsAtMostABatchOfProducts_AndTheNextSampleTheNextBatch()
    {
        await api.CreateProductAsync(stock: 1);
        await api.CreateProductAsync(stock: 1);
        using var worker = TestWorker.Build(api, ("Worker:StockSampleBatch", "1"));
        var sampler = worker.Services.GetRequiredService<StockSampler>();

        await sampler.SampleAsync(TestContext.Current.CancellationToken);
        var afterOne = SampledProducts(worker);
        await sampler.SampleAsync(TestContext.Current.CancellationToken);

        afterOne.Should().HaveCount(1);
        SampledProducts(worker).Should().HaveCount(2).And.Contain(afterOne);
    }

    [Fact]
    public async Task TheBacklogGauge_CountsThePurchasesWaitingInEachShard()
    {
        var first = await api.CreateProductAsync(stock: 10);
        var second = await api.CreateProductAsync(stock: 10);
        var bob = api.CreateClient(Tokens.Customer("bob"));
        using var worker = TestWorker.Build(api);
        var sampler = worker.Services.GetRequiredService<StockSampler>();
        // Earlier tests of the class may leave purchases waiting in any shard: the gauge must rise by these ones.
        await sampler.SampleAsync(TestContext.Current.CancellationToken);
        var before = Backlog(worker);
        foreach (var productId in new[] { first.Id, first.Id, second.Id })
        {
            (await bob.PurchaseAsync((await bob.ReserveOkAsync(productId)).Id)).EnsureSuccessStatusCode();
        }

        await sampler.SampleAsync(TestContext.Current.CancellationToken);

        var expected = new Dictionary<int, long>(before);
        expected[api.Keys.ShardOf(first.Id)] += 2;
        expected[api.Keys.ShardOf(second.Id)] += 1;
        Backlog(worker).Should().BeEquivalentTo(expected);
        expected.Keys.Should().BeEquivalentTo(Enumerable.Range(0, api.Keys.Shards), "every shard has its gauge");
    }

    private static Dictionary<int, long> Backlog(IHost worker) =>
        GaugeReadings.Collect(worker).Where(r => r.Instrument == "reservations.purchase.backlog")
            .ToDictionary(r => (int)r.Tags["shard"]!, r => r.Value);

    private static HashSet<object?> SampledProducts(IHost worker) =>
        [.. GaugeReadings.Collect(worker).Where(r => r.Instrument == "reservations.product.available").Select(r => r.Tags["product"])];
}
