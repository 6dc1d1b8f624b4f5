namespace Reservations.Application.Products.WarmUp;

/// <summary>Reads from the purchases in PostgreSQL what each customer bought, to count against the limit per customer.</summary>
public interface IPurchasedUnits
{
    /// <summary>The units of the product each customer bought, for customers who bought any.</summary>
    Task<IReadOnlyDictionary<string, int>> PurchasedByCustomerAsync(Guid productId, CancellationToken cancellationToken);
}
