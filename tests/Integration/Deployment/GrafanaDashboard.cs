using System.Text.Json;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>One panel of a Grafana dashboard: its title, the data source uids it and its queries name, and the queries.</summary>
public sealed record DashboardPanel(string Title, IReadOnlyList<string> DataSourceUids, IReadOnlyList<string> Expressions)
{
    public IReadOnlyList<string> Metrics => Expressions.SelectMany(PromQl.Selectors).Select(s => s.Metric).Distinct().ToList();
}

/// <summary>The Reservations dashboard the profile observability provisions (deploy/observability/grafana/dashboards).</summary>
public static class GrafanaDashboard
{
    public static string Path { get; } =
        System.IO.Path.Combine(Repository.Root, "deploy", "observability", "grafana", "dashboards", "reservations.json");

    /// <summary>The panels, read as Grafana reads them: a file that is not JSON fails here.</summary>
    public static IReadOnlyList<DashboardPanel> Panels()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path));
        return dashboard.RootElement.GetProperty("panels").EnumerateArray().Select(Panel).ToList();
    }

    private static DashboardPanel Panel(JsonElement panel)
    {
        var targets = panel.GetProperty("targets").EnumerateArray().ToList();
        var uids = targets.Select(t => t.GetProperty("datasource")).Prepend(panel.GetProperty("datasource"))
            .Select(d => d.GetProperty("uid").GetString()!).ToList();
        return new DashboardPanel(
            panel.GetProperty("title").GetString()!, uids, targets.Select(t => t.GetProperty("expr").GetString()!).ToList());
    }
}
