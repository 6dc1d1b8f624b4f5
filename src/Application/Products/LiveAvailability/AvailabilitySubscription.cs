using System.Threading.Channels;

namespace Reservations.Application.Products.LiveAvailability;

/// <summary>First the current figures or what the client missed, then the hub's entries, each at most once and in id
/// order, none at or before <paramref name="resumedAfter"/> (the client's <c>Last-Event-ID</c>): the hub's tick may
/// hand it older ones than the client has seen.</summary>
public sealed class AvailabilitySubscription(
    ChannelReader<AvailabilityEntry> entries, IReadOnlyList<AvailabilityEntry> first, FeedId? resumedAfter, Action unsubscribe)
    : IDisposable
{
    /// <summary>Entries kept for a client that reads slower than they come; beyond it the oldest are dropped.</summary>
    public const int Capacity = 8;

    private FeedId? _lastRead = first.Count > 0 ? first[^1].Id : resumedAfter;
    private int _disposed;

    public IReadOnlyList<AvailabilityEntry> First { get; } = first;

    public async ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            return await entries.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The next entry newer than every entry read so far (the first ones included).</summary>
    public bool TryRead(out AvailabilityEntry entry)
    {
        while (entries.TryRead(out entry!))
        {
            if (_lastRead is not { } last || entry.Id > last)
            {
                _lastRead = entry.Id;
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            unsubscribe();
        }
    }
}
