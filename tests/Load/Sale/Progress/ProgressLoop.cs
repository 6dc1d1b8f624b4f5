namespace Reservations.Load.Sale.Progress;

/// <summary>Takes a snapshot every period and hands the figures since the previous one to a display.</summary>
public static class ProgressLoop
{
    public static async Task RunAsync(Func<ProgressSnapshot> snapshot, TimeSpan period, Action<ProgressFigures> show, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(period);
        var previous = ProgressSnapshot.Empty;
        var selling = true;
        while (selling)
        {
            selling = await WaitAsync(timer, stop);
            var current = snapshot();
            show(ProgressFigures.Between(previous, current));
            previous = current;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
