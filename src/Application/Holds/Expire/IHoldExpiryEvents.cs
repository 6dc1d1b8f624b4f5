namespace Reservations.Application.Holds.Expire;

/// <summary>The fast path of expiry: the store's notice that a shard's holds due by some second are due. Notices can be
/// late or lost (a disconnected subscriber, notifications turned off), so the sweeper stays the safety net.</summary>
public interface IHoldExpiryEvents
{
    Task<bool> AreEnabledAsync(CancellationToken cancellationToken);

    /// <summary>Turns key-expiration notices on where they are off, keeping the server's other notice classes.</summary>
    Task EnableAsync(CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="onShardDue"/>, one at a time, with the shard of each expiry marker that expires, until cancelled.</summary>
    Task ListenAsync(Func<int, Task> onShardDue, CancellationToken cancellationToken);
}
