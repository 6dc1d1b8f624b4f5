namespace Reservations.Application.Purchases;

public interface IPurchaseReadStore
{
    /// <summary>One page of the customer's purchases, newest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<OrderResponse> Items, int Total)> ListAsync(string customerId, int page, int pageSize, CancellationToken cancellationToken);

    Task<OrderResponse?> FindAsync(Guid id, CancellationToken cancellationToken);
}
