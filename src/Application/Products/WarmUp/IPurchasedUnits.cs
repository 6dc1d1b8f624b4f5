namespace Reservations.Application.Products.WarmUp;

/// <summary>Reads from the purchases in PostgreSQL what each customer bought, to count against the limit per customer.</summary>
public interface IPurchasedUnits
{
    Task<IReadOnlyDictionary<string, int>> PurchasedByCustomerAsync(Guid productId, CancellationToken cancellationToken);
}
