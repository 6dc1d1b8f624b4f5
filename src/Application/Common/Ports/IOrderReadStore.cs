using Reservations.Application.Orders;
using Reservations.Domain.Reservations;

namespace Reservations.Application.Common.Ports;

/// <summary>Reads completed purchases (orders) from PostgreSQL.</summary>
public interface IOrderReadStore
{
    /// <summary>One page of the customer's orders, newest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<OrderResponse> Items, int Total)> ListAsync(string customerId, int page, int pageSize, CancellationToken cancellationToken);

    Task<OrderResponse?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// The reservation an order came from (the order's id is the reservation's), completed, or null when there is no
    /// such order. An order persisted before the reservation's times were kept reads its purchase time for them.
    /// </summary>
    Task<Hold?> FindHoldAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The units of the product each customer bought, for customers who bought any.</summary>
    Task<IReadOnlyDictionary<string, int>> PurchasedByCustomerAsync(Guid productId, CancellationToken cancellationToken);
}
