using Spectre.Console;

namespace Reservations.Load.Sale.Progress;

public static class ProgressDisplays
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    /// <summary>The live table on a terminal; one plain line every few seconds when the output is redirected or in CI.</summary>
    public static IProgressDisplay ForConsole() =>
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities is { Interactive: true, Ansi: true }
            ? new LiveProgress(AnsiConsole.Console)
            : new PlainProgress(Console.WriteLine, PlainEvery);
}
