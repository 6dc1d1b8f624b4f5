namespace Reservations.Load.Sale.Progress;

/// <summary>One line of figures every <paramref name="every"/>, for output that is not a terminal (redirected, CI).</summary>
public sealed class PlainProgress(Action<string> writeLine, TimeSpan every) : IProgressDisplay
{
    public Task ShowAsync(Func<ProgressSnapshot> snapshot, CancellationToken stop) =>
        ProgressLoop.RunAsync(snapshot, every, figures => writeLine(figures.ToLine()), stop);
}
