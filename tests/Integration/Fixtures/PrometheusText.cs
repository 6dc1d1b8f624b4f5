using System.Text.RegularExpressions;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>One series of a scrape: its name and labels.</summary>
public sealed record PrometheusSeries(string Name, IReadOnlyDictionary<string, string> Labels);

/// <summary>Reads the series out of a scrape in the Prometheus text format (comments skipped, values ignored).</summary>
public static partial class PrometheusText
{
    public static IReadOnlyList<PrometheusSeries> Series(string scrape) =>
        scrape.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => SeriesLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new PrometheusSeries(
                match.Groups["name"].Value,
                Label().Matches(match.Groups["labels"].Value).ToDictionary(l => l.Groups["label"].Value, l => l.Groups["value"].Value)))
            .ToList();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{.*\})?\s""")]
    private static partial Regex SeriesLine();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
