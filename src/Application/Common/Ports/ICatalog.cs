using Reservations.Application.Common.Results;
using Reservations.Domain.Products;

namespace Reservations.Application.Common.Ports;

/// <summary>The product catalog in PostgreSQL, the source of truth for stock totals, prices and limits.</summary>
public interface ICatalog
{
    /// <summary>Stores a new product; fails with <c>duplicate-sku</c> when its SKU is taken.</summary>
    Task<Result<Product>> AddAsync(Product product, CancellationToken cancellationToken);

    Task<Product?> FindBySkuAsync(string sku, CancellationToken cancellationToken);

    Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>In one transaction under the product's row lock: <paramref name="edit"/> sees the product as it is then
    /// and answers the change to audit (null: none), or an error that writes nothing.</summary>
    Task<Result<Product>> EditAsync(Guid productId, Func<Product, Result<ProductChange?>> edit, CancellationToken cancellationToken);

    Task<(IReadOnlyList<ProductChange> Items, int Total)> ListChangesAsync(
        Guid productId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Oldest update first, starting after <paramref name="after"/> (the previous batch's last);
    /// <paramref name="since"/> null: all.</summary>
    Task<IReadOnlyList<Product>> ListUpdatedSinceAsync(DateTimeOffset? since, Product? after, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, int>> GetTotalStocksAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);

    /// <summary>The first step of a stock adjustment, in one transaction: adds its delta to the total and records it
    /// pending. A repeat (the same idempotency key, or the same id after a lost COMMIT) returns the first, changing
    /// nothing. Fails with product-not-found, idempotency-key-reused, total-stock-mismatch, stock-limit-exceeded or
    /// insufficient-available (below what is sold).</summary>
    Task<Result<RecordedAdjustment>> RecordAdjustmentAsync(StockAdjustment adjustment, CancellationToken cancellationToken);

    /// <summary>Marks a pending adjustment applied (Redis has it); the product as it is now. Safe to repeat.</summary>
    Task<Product> MarkAdjustmentAppliedAsync(StockAdjustment adjustment, CancellationToken cancellationToken);

    /// <summary>Takes a pending adjustment's delta back off the total and marks it reverted, in one transaction (Redis
    /// refused it); the product as it is now. Safe to repeat: an adjustment no longer pending is left alone.</summary>
    Task<Product> RevertAdjustmentAsync(StockAdjustment adjustment, CancellationToken cancellationToken);

    Task<StockAdjustment?> FindAdjustmentAsync(Guid productId, Guid adjustmentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StockAdjustment>> ListPendingAdjustmentsAsync(
        DateTimeOffset recordedBefore, int limit, CancellationToken cancellationToken);

    Task<(IReadOnlyList<StockAdjustment> Items, int Total)> ListAdjustmentsAsync(
        Guid productId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>One page of products, oldest first, each with the sum of its pending adjustments (one snapshot).</summary>
    Task<IReadOnlyList<WarmUpProduct>> ListForWarmUpAsync(int page, int pageSize, CancellationToken cancellationToken);

    Task<(IReadOnlyList<Product> Items, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken);
}
