using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Reservations.Load.Sale;

/// <summary>
/// Writes a sale's <c>results.json</c> (every figure and setting), <c>summary.md</c> (a table to read) and the charts
/// it links.
/// </summary>
public static class SaleReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(SaleResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(new
        {
            settings = result.Options with { Output = Path.GetFullPath(directory) },
            machine = new
            {
                processors = Environment.ProcessorCount,
                os = RuntimeInformation.OSDescription,
                runtime = RuntimeInformation.FrameworkDescription,
            },
            sellingSeconds = result.Selling.TotalSeconds,
            requests = result.Requests,
            requestsPerSecond = result.RequestsPerSecond,
            statuses = result.Statuses.GroupBy(s => s.Key.Operation).ToDictionary(
                g => g.Key, g => g.ToDictionary(s => s.Key.Status.ToString(CultureInfo.InvariantCulture), s => s.Value)),
            latencyMs = result.Latencies,
            completedPerSecond = result.CompletedPerSecond,
            purchases = result.Purchases,
            purchasedUnits = result.PurchasedUnits,
            observation = result.Findings.Observation,
            violations = result.Violations,
        }, Json));
        SaleCharts.Write(result, directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "summary.md"), Summary(result));
    }

    public static string Summary(SaleResult result)
    {
        var o = result.Options;
        var text = new StringBuilder();
        var where = o.Mode == SaleMode.Gate ? "at the gate" : "over HTTP";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"# Flash sale {where}: {o.Products} products × {o.Stock} units, {o.Customers} customers, {o.Concurrency} in flight");
        text.AppendLine();
        if (o.Mode == SaleMode.Gate)
        {
            text.AppendLine("Straight at the inventory gate in Redis: no HTTP, no Worker; statuses are those the API would answer.");
            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"{result.Requests} requests in {result.Selling.TotalSeconds:0.0} s = **{result.RequestsPerSecond:0} requests/s** " +
            $"({Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription})");
        text.AppendLine();
        text.AppendLine("| operation | count | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | statuses |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (operation, p) in result.Latencies)
        {
            var statuses = string.Join(", ", result.Statuses.Where(s => s.Key.Operation == operation)
                .OrderBy(s => s.Key.Status).Select(s => $"{s.Key.Status}: {s.Value}"));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {operation} | {p.Count} | {p.P50:0.00} | {p.P90:0.00} | {p.P99:0.00} | {p.P999:0.00} | {p.Max:0.00} | {statuses} |");
        }

        text.AppendLine();
        text.AppendLine($"![Requests completed per second]({SaleCharts.Throughput})");
        text.AppendLine();
        text.AppendLine($"![Latency percentiles by operation]({SaleCharts.Latency})");
        text.AppendLine();
        text.AppendLine(result.Findings.Sold);
        text.AppendLine();
        if (o.CartLines > 1)
        {
            text.AppendLine(Carts(result));
            text.AppendLine();
        }

        text.AppendLine(result.Violations.Count == 0
            ? $"Invariants: **all kept** ({result.Findings.Checked})."
            : "Invariants: **VIOLATED**\n" + string.Join('\n', result.Violations.Select(v => $"- {v}")));
        return text.ToString();
    }

    private static string Carts(SaleResult result)
    {
        var lines = result.Options.CartLines;
        var reserved = result.Statuses.GetValueOrDefault((SaleMetrics.Reserve, SaleStatus.Reserved));
        var unitsPerLine = result.PurchasedUnits / (double)Math.Max(result.Purchases * lines, 1);
        return string.Create(CultureInfo.InvariantCulture,
            $"Carts of {lines} lines: {reserved} reserved, {result.Purchases} purchased, {unitsPerLine:0.00} units per purchased cart line.");
    }
}
