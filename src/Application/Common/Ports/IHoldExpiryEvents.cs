namespace Reservations.Application.Common.Ports;

/// <summary>
/// The fast path of expiry: the store's notice that a hold's deadline key expired. Notices can be late or lost
/// (a disconnected subscriber, notifications turned off), so the sweeper stays the safety net.
/// </summary>
public interface IHoldExpiryEvents
{
    /// <summary>Whether every server publishes key expirations.</summary>
    Task<bool> AreEnabledAsync(CancellationToken cancellationToken);

    /// <summary>Turns key-expiration notices on where they are off, keeping the server's other notice classes.</summary>
    Task EnableAsync(CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="onHoldExpired"/>, one at a time, for each hold whose deadline key expires, until cancelled.</summary>
    Task ListenAsync(Func<Guid, Task> onHoldExpired, CancellationToken cancellationToken);
}
