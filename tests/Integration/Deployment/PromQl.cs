using System.Text.RegularExpressions;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>A label matcher of a PromQL selector: <c>label op "value"</c>.</summary>
public sealed record LabelMatcher(string Label, string Operator, string Value);

/// <summary>A PromQL selector: a metric name and its matchers.</summary>
public sealed record MetricSelector(string Metric, IReadOnlyList<LabelMatcher> Matchers);

/// <summary>
/// Reads the metric selectors and the grouping labels (<c>by (…)</c>) out of a PromQL expression: enough of the
/// language for the dashboard's queries (strings, numbers, ranges, calls, aggregations, set operators).
/// </summary>
public static partial class PromQl
{
    // Set operators and modifiers, and the aggregations, which may stand apart from their parenthesis: "sum by (le) (…)".
    private static readonly HashSet<string> Keywords =
    [
        "and", "or", "unless", "bool", "offset",
        "sum", "min", "max", "avg", "count", "group", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values",
    ];

    public static IReadOnlyList<MetricSelector> Selectors(string expression) =>
        Tokens().Matches(expression)
            .Where(token => token.Groups["name"].Success && !token.Groups["call"].Success && !Keywords.Contains(token.Groups["name"].Value))
            .Select(token => new MetricSelector(token.Groups["name"].Value, Matchers(token.Groups["labels"].Value)))
            .ToList();

    public static IReadOnlyList<string> GroupingLabels(string expression) =>
        Tokens().Matches(expression)
            .Where(token => token.Groups["grouping"].Success)
            .SelectMany(token => token.Groups["grouping"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();

    private static List<LabelMatcher> Matchers(string labels) =>
        Matcher().Matches(labels).Select(m => new LabelMatcher(m.Groups["label"].Value, m.Groups["op"].Value, m.Groups["value"].Value)).ToList();

    [GeneratedRegex("""
        "(?:[^"\\]|\\.)*"
        |\[[^\]]*\]
        |\b(?:by|without|on|ignoring|group_left|group_right)\s*\((?<grouping>[^)]*)\)
        |\d+(?:\.\d+)?(?:[eE][+-]?\d+)?
        |(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:(?<labels>\{[^}]*\})|(?<call>\())?
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\s*(?<op>=~|!~|!=|=)\s*""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Matcher();
}
