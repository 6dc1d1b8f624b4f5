using Reservations.Domain.Reservations;

namespace Reservations.Application.Common.Ports;

/// <summary>Reads the holds that became orders from PostgreSQL, once the gate no longer has them.</summary>
public interface IPurchasedHolds
{
    /// <summary>
    /// The reservation an order came from (the order's id is the reservation's), completed, or null when there is no
    /// such order. An order persisted before the reservation's times were kept reads its purchase time for them.
    /// </summary>
    Task<Hold?> FindHoldAsync(Guid id, CancellationToken cancellationToken);
}
