using System.Text.Json;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Load.Sale;
using Reservations.Load.Sale.Progress;

namespace Reservations.IntegrationTests.Load;

/// <summary>
/// A few seconds of the flash-sale simulator against the in-process API and Worker: it sells, waits for quiet, finds
/// every invariant kept and writes its results, with tokens minted by the API or signed by the simulator. The full
/// benchmark is build/bench.sh, never CI.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class SaleSmokeTests(UnthrottledApiFactory api, ITestOutputHelper output) : IClassFixture<UnthrottledApiFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData(Tokens.DevelopmentKey)]
    public async Task ASmallSale_KeepsEveryInvariant_AndWritesItsResults(string? signingKey)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"sale-smoke-{Guid.NewGuid():N}");
        var options = new SaleOptions
        {
            Url = api.CreateClient().BaseAddress!,
            Products = 2,
            Stock = 40,
            Customers = 30,
            Concurrency = 8,
            Requests = 200,
            Duration = TimeSpan.FromSeconds(20),
            HoldSeconds = 1,
            Output = directory,
            SigningKey = signingKey,
        };
        var worker = await TestWorker.StartAsync(api);
        try
        {
            using var http = api.CreateClient();
            var runner = new SaleRunner(options, new HttpSaleTarget(options, http), new PlainProgress(output.WriteLine, TimeSpan.FromSeconds(1)), TextWriter.Null);
            var result = await runner.RunAsync(TestContext.Current.CancellationToken);
            await SaleReport.WriteAsync(result, directory);

            output.WriteLine(SaleReport.Summary(result));
            result.Violations.Should().BeEmpty();
            result.Statuses.Keys.Should().Contain(("reserve", 201)).And.Contain(("purchase", 200));
            result.Purchases.Should().BePositive();
            using var written = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "results.json"), TestContext.Current.CancellationToken));
            written.RootElement.GetProperty("violations").GetArrayLength().Should().Be(0);
            var reserves = written.RootElement.GetProperty("latencyMs").GetProperty("reserve").GetProperty("count").GetInt64();
            reserves.Should().BePositive();
            written.RootElement.GetProperty("completedPerSecond").GetProperty("reserve").EnumerateArray().Sum(s => s.GetInt64()).Should().Be(reserves);
            File.Exists(Path.Combine(directory, "summary.md")).Should().BeTrue();
        }
        finally
        {
            await TestWorker.StopAsync(worker);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
