namespace Reservations.Application.Products.WarmUp;

public interface IPurchasedUnits
{
    Task<IReadOnlyDictionary<string, int>> PurchasedByCustomerAsync(Guid productId, CancellationToken cancellationToken);
}
