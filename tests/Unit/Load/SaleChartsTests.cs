using Reservations.Load.Sale;

namespace Reservations.UnitTests.Load;

public sealed class SaleChartsTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private readonly string _directory = Directory.CreateTempSubdirectory("sale-charts-").FullName;

    [Fact]
    public async Task Write_RendersBothChartsAsPng()
    {
        var result = new SaleResult(new SaleOptions(), TimeSpan.FromSeconds(3),
            new Dictionary<(string, int), int> { [("reserve", 201)] = 9 },
            SaleMetrics.Operations.ToDictionary(o => o, _ => new Percentiles(9, 1, 2, 5, 8, 13)),
            SaleMetrics.Operations.ToDictionary(o => o, _ => new[] { 3, 0, 6 }),
            Purchases: 0,
            PurchasedUnits: 0,
            new SaleFindings(new { }, "Sold nothing.", "nothing", []));

        SaleCharts.Write(result, _directory);

        foreach (var chart in new[] { SaleCharts.Throughput, SaleCharts.Latency })
        {
            (await File.ReadAllBytesAsync(Path.Combine(_directory, chart), TestContext.Current.CancellationToken))
                .Take(4).Should().Equal(PngSignature);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
