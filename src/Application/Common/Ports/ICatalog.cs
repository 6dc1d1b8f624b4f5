using Reservations.Application.Common.Results;
using Reservations.Domain.Products;

namespace Reservations.Application.Common.Ports;

/// <summary>The product catalog in PostgreSQL, the source of truth for stock totals, prices and limits.</summary>
public interface ICatalog
{
    /// <summary>Stores a new product; fails with <c>duplicate-sku</c> when its SKU is taken.</summary>
    Task<Result<Product>> AddAsync(Product product, CancellationToken cancellationToken);

    /// <summary>The product with this SKU, or <c>null</c>.</summary>
    Task<Product?> FindBySkuAsync(string sku, CancellationToken cancellationToken);

    /// <summary>The product with this id, or <c>null</c>.</summary>
    Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the adjustment's delta to the product's total stock and records the adjustment, in one transaction (safe to
    /// repeat); fails with <c>product-not-found</c>, or <c>insufficient-available</c> where the total would fall below
    /// what is sold.
    /// </summary>
    Task<Result<Product>> AdjustTotalStockAsync(StockAdjustment adjustment, CancellationToken cancellationToken);

    /// <summary>One page of the product's stock adjustments, newest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<StockAdjustment> Items, int Total)> ListAdjustmentsAsync(
        Guid productId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>One page of products, oldest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<Product> Items, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken);
}
