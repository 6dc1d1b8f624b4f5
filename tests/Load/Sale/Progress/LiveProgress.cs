using Spectre.Console;
using static System.FormattableString;

namespace Reservations.Load.Sale.Progress;

/// <summary>A table redrawn in place twice a second, for a terminal.</summary>
public sealed class LiveProgress(IAnsiConsole console) : IProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    public Task ShowAsync(Func<ProgressSnapshot> snapshot, CancellationToken stop) =>
        console.Live(Render(ProgressFigures.Between(ProgressSnapshot.Empty, ProgressSnapshot.Empty))).StartAsync(live =>
            ProgressLoop.RunAsync(snapshot, Refresh, figures =>
            {
                live.UpdateTarget(Render(figures));
                live.Refresh();
            }, stop));

    private static Table Render(ProgressFigures figures)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumns("", "")
            .Title(Invariant($"flash sale, {figures.Elapsed.TotalSeconds:0.0} s"));
        table.AddRow("requests", Invariant($"{figures.Completed:N0}  [bold]{figures.RequestsPerSecond:N0}/s[/]"));
        foreach (var outcome in figures.Outcomes)
        {
            table.AddRow(outcome.Operation, string.Join("  ",
                outcome.Statuses.Select(s => Invariant($"[{Colour(s.Status)}]{s.Status}[/] {s.Count:N0}"))));
        }

        table.AddRow("reserve now", $"p50 {ProgressFigures.Ms(figures.ReserveP50)}  p99 {ProgressFigures.Ms(figures.ReserveP99)}");
        return table;
    }

    private static string Colour(int status) => status switch
    {
        _ when SaleStatus.IsFailure(status) => "red",
        >= 400 => "yellow",
        _ => "green",
    };
}
