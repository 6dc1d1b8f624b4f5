using System.Text.Json;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Load.Sale;
using Reservations.Load.Sale.Progress;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Load;

/// <summary>
/// A few seconds of the simulator's gate-only mode (no HTTP, no Worker) against the test Redis: it sells, sweeps the
/// abandoned holds, finds every invariant kept, writes its results and leaves none of its keys behind.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class GateSaleSmokeTests(ITestOutputHelper output)
{
    // Carts of 2: the products of one sale, drawn in its shard as the API draws them, held together.
    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task ASmallSaleAtTheGate_KeepsEveryInvariant_WritesItsResults_AndRemovesItsKeys(string cartLines)
    {
        var (_, redis) = await TestServices.GetAsync();
        var directory = Path.Combine(Path.GetTempPath(), $"gate-sale-smoke-{Guid.NewGuid():N}");
        var (options, error) = SaleOptions.Parse([
            "--mode", "gate", "--redis", redis, "--products", "2", "--stock", "40", "--customers", "30",
            "--concurrency", "8", "--requests", "300", "--duration", "10", "--hold-seconds", "1", "--cart-lines", cartLines,
            "--out", directory,
        ]);
        options.Should().NotBeNull(error);
        using var printed = new StringWriter();
        try
        {
            var exitCode = await SaleCommand.RunAsync(
                options!, new PlainProgress(output.WriteLine, TimeSpan.FromSeconds(1)), printed, TestContext.Current.CancellationToken);

            output.WriteLine(printed.ToString());
            exitCode.Should().Be(0);
            using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "results.json"), TestContext.Current.CancellationToken));
            results.RootElement.GetProperty("violations").GetArrayLength().Should().Be(0);
            results.RootElement.GetProperty("settings").GetProperty("mode").GetString().Should().Be("Gate");
            results.RootElement.GetProperty("purchases").GetInt32().Should().BePositive();
            new[] { "summary.md", SaleCharts.Throughput, SaleCharts.Latency }.Should().OnlyContain(file => File.Exists(Path.Combine(directory, file)));
            var keyPrefix = results.RootElement.GetProperty("observation").GetProperty("keyPrefix").GetString();
            (await KeysAsync(redis, $"{keyPrefix}:*")).Should().BeEmpty();
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<List<RedisKey>> KeysAsync(string redis, string pattern)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var keys = new List<RedisKey>();
        await foreach (var key in connection.GetServers().Single().KeysAsync(pattern: pattern))
        {
            keys.Add(key);
        }

        return keys;
    }
}
