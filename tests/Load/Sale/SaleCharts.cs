using ScottPlot;
using ScottPlot.TickGenerators;
using static System.FormattableString;

namespace Reservations.Load.Sale;

/// <summary>The sale's PNG charts: requests completed per second by operation, and latency percentiles by operation.</summary>
public static class SaleCharts
{
    public const string Throughput = "throughput.png";
    public const string Latency = "latency.png";

    private const int Width = 1000;
    private const int Height = 500;

    private static readonly (string Name, Func<Percentiles, double> Value)[] Levels =
        [("p50", p => p.P50), ("p90", p => p.P90), ("p99", p => p.P99), ("p99.9", p => p.P999), ("max", p => p.Max)];

    public static void Write(SaleResult result, string directory)
    {
        ThroughputChart(result).SavePng(Path.Combine(directory, Throughput), Width, Height);
        LatencyChart(result).SavePng(Path.Combine(directory, Latency), Width, Height);
    }

    private static Plot ThroughputChart(SaleResult result)
    {
        var plot = new Plot();
        foreach (var (operation, perSecond) in result.CompletedPerSecond)
        {
            var line = plot.Add.Scatter(
                Enumerable.Range(0, perSecond.Length).Select(second => (double)second).ToArray(),
                perSecond.Select(count => (double)count).ToArray());
            line.LegendText = operation;
        }

        plot.Title("Requests completed per second");
        plot.XLabel("second of the sale");
        plot.YLabel("requests/s");
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsY(0, Math.Max(1, result.CompletedPerSecond.Values.SelectMany(counts => counts).DefaultIfEmpty().Max()) * 1.1);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    // One group of bars per operation, one bar per percentile; each bar is labelled with its value.
    private static Plot LatencyChart(SaleResult result)
    {
        var plot = new Plot();
        var operations = result.Latencies.ToList();
        var groupWidth = Levels.Length + 1;
        var palette = new ScottPlot.Palettes.Category10();
        for (var level = 0; level < Levels.Length; level++)
        {
            var (name, value) = Levels[level];
            var bars = plot.Add.Bars(operations.Select((operation, group) => new Bar
            {
                Position = (group * groupWidth) + level,
                Value = value(operation.Value),
                Label = Invariant($"{value(operation.Value):0.#}"),
                FillColor = palette.GetColor(level),
            }).ToList());
            bars.LegendText = name;
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual(
            [.. operations.Select((_, group) => (group * groupWidth) + ((Levels.Length - 1) / 2.0))],
            [.. operations.Select(o => Invariant($"{o.Key} ({o.Value.Count:N0})"))]);
        plot.Title("Latency percentiles by operation");
        plot.YLabel("milliseconds");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
