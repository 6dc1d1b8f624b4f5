namespace Reservations.Load.Sale;

/// <summary>Everything a sale measured and found.</summary>
public sealed record SaleResult(
    SaleOptions Options,
    TimeSpan Selling,
    IReadOnlyDictionary<(string Operation, int Status), int> Statuses,
    IReadOnlyDictionary<string, Percentiles> Latencies,
    IReadOnlyDictionary<string, int[]> CompletedPerSecond,
    int Purchases,
    int PurchasedUnits,
    SaleFindings Findings)
{
    public int Requests => Statuses.Values.Sum();

    public double RequestsPerSecond => Requests / Math.Max(Selling.TotalSeconds, 0.001);

    public IReadOnlyList<string> Violations => Findings.Violations;
}
