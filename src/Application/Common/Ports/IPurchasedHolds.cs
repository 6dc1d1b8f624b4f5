using Reservations.Domain.Holds;

namespace Reservations.Application.Common.Ports;

/// <summary>Reads the purchased holds from PostgreSQL, once the gate no longer has them.</summary>
public interface IPurchasedHolds
{
    /// <summary>Completed, or null when there is no such purchase (its id is the hold's). A purchase persisted before
    /// the hold's times were kept reads its purchase time for them.</summary>
    Task<Hold?> FindHoldAsync(Guid id, CancellationToken cancellationToken);
}
