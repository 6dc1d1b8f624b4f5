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

    /// <summary>Edits the product in one transaction, under its row lock: <paramref name="edit"/> changes the product
    /// as it is then and answers the change to record for the audit (null: nothing changed), or an error, and then
    /// nothing is written. The product as edited, or <c>product-not-found</c>.</summary>
    Task<Result<Product>> EditAsync(Guid productId, Func<Product, Result<ProductChange?>> edit, CancellationToken cancellationToken);

    /// <summary>One page of the product's recorded edits, newest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<ProductChange> Items, int Total)> ListChangesAsync(
        Guid productId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> products updated at or after <paramref name="since"/> (all when null),
    /// oldest update first, starting after <paramref name="after"/> (the last of the previous batch; null for the
    /// first).</summary>
    Task<IReadOnlyList<Product>> ListUpdatedSinceAsync(DateTimeOffset? since, Product? after, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, int>> GetTotalStocksAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);

    /// <summary>The first step of a stock adjustment, in one transaction: adds its delta to the product's total and
    /// records it <c>pending</c>. When the product already has an adjustment under the same idempotency key (or this
    /// id: a retry after a lost COMMIT), that one is returned instead and nothing changes. Fails with
    /// <c>product-not-found</c>, <c>idempotency-key-reused</c> (the key with another request),
    /// <c>total-stock-mismatch</c> (not the expected total), <c>stock-limit-exceeded</c>, or
    /// <c>insufficient-available</c> where the total would fall below what is sold.</summary>
    Task<Result<RecordedAdjustment>> RecordAdjustmentAsync(StockAdjustment adjustment, CancellationToken cancellationToken);

    /// <summary>Marks a pending adjustment applied (Redis has it); the product as it is now. Safe to repeat.</summary>
    Task<Product> MarkAdjustmentAppliedAsync(StockAdjustment adjustment, CancellationToken cancellationToken);

    /// <summary>Takes a pending adjustment's delta back off the total and marks it reverted, in one transaction (Redis
    /// refused it); the product as it is now. Safe to repeat: an adjustment no longer pending is left alone.</summary>
    Task<Product> RevertAdjustmentAsync(StockAdjustment adjustment, CancellationToken cancellationToken);

    Task<StockAdjustment?> FindAdjustmentAsync(Guid productId, Guid adjustmentId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> adjustments still pending that were recorded before <paramref name="recordedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<StockAdjustment>> ListPendingAdjustmentsAsync(
        DateTimeOffset recordedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>One page of the product's stock adjustments, newest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<StockAdjustment> Items, int Total)> ListAdjustmentsAsync(
        Guid productId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>One page of products, oldest first, each with the sum of its pending adjustments (one snapshot).</summary>
    Task<IReadOnlyList<WarmUpProduct>> ListForWarmUpAsync(int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>One page of products, oldest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<Product> Items, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken);
}
