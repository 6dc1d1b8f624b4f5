namespace Reservations.Load.Sale.Progress;

/// <summary>Shows the sale's progress while it sells.</summary>
public interface IProgressDisplay
{
    /// <summary>Shows fresh figures from <paramref name="snapshot"/> until <paramref name="stop"/> is cancelled, then the final ones.</summary>
    Task ShowAsync(Func<ProgressSnapshot> snapshot, CancellationToken stop);
}
