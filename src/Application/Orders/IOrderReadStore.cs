namespace Reservations.Application.Orders;

/// <summary>Reads completed purchases (orders) from PostgreSQL.</summary>
public interface IOrderReadStore
{
    /// <summary>One page of the customer's orders, newest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<OrderResponse> Items, int Total)> ListAsync(string customerId, int page, int pageSize, CancellationToken cancellationToken);

    Task<OrderResponse?> FindAsync(Guid id, CancellationToken cancellationToken);
}
