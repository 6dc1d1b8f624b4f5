namespace Reservations.Application.Purchases;

public interface IPurchaseReadStore
{
    Task<(IReadOnlyList<OrderResponse> Items, int Total)> ListAsync(string customerId, int page, int pageSize, CancellationToken cancellationToken);

    Task<OrderResponse?> FindAsync(Guid id, CancellationToken cancellationToken);
}
