using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Application.Webhooks;
using Reservations.Domain.Products;
using Reservations.Infrastructure.Persistence.Webhooks;

namespace Reservations.Infrastructure.Persistence;

/// <summary>The PostgreSQL side of a stock adjustment's two steps: recorded pending with its total, then marked or reverted.</summary>
internal sealed partial class ProductCatalog
{
    public Task<Result<RecordedAdjustment>> RecordAdjustmentAsync(StockAdjustment adjustment, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(ct => RecordInTransactionAsync(adjustment, ct), cancellationToken);

    public async Task<Product> MarkAdjustmentAppliedAsync(StockAdjustment adjustment, CancellationToken cancellationToken)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            ct => db.Database.ExecuteSqlRawAsync(MarkAppliedSql, [new NpgsqlParameter<Guid>("id", adjustment.Id)], ct), cancellationToken);
        return await ProductAsync(adjustment.ProductId, cancellationToken);
    }

    // One statement: the adjustment is marked applied, and when it was still pending and an endpoint wants the type,
    // its stock.adjusted webhook event is written (keyed by the adjustment, so a repeat adds none).
    private static readonly string MarkAppliedSql = $"""
        WITH applied AS (
            UPDATE stock_adjustments SET status = '{nameof(StockAdjustmentStatus.Applied)}'
            WHERE id = @id AND status = '{nameof(StockAdjustmentStatus.Pending)}'
            RETURNING id, product_id, delta, actor, reason, at)
        INSERT INTO webhook_events (id, type, created_at, data)
        SELECT {WebhookSql.EventId(WebhookEventTypes.StockAdjusted, "a.id")}, '{WebhookEventTypes.StockAdjusted}', now(),
            jsonb_build_object('id', a.id, 'productId', a.product_id, 'delta', a.delta, 'actor', a.actor, 'reason', a.reason,
                'at', {WebhookSql.IsoUtc("a.at")}, 'status', 'applied')
        FROM applied a
        WHERE {WebhookSql.Subscribed(WebhookEventTypes.StockAdjusted)}
        ON CONFLICT (id) DO NOTHING
        """;

    public async Task<Product> RevertAdjustmentAsync(StockAdjustment adjustment, CancellationToken cancellationToken)
    {
        // One statement, and only while the adjustment is pending: a repeat (the execution strategy after a connection
        // lost in COMMIT, the Worker after the request) finds it reverted and changes nothing.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH reverted AS (
                UPDATE stock_adjustments SET status = {nameof(StockAdjustmentStatus.Reverted)}
                WHERE id = {adjustment.Id} AND status = {nameof(StockAdjustmentStatus.Pending)}
                RETURNING product_id, delta)
            UPDATE products p SET total_stock = p.total_stock - r.delta, updated_at = now()
            FROM reverted r WHERE p.id = r.product_id
            """, ct), cancellationToken);
        return await ProductAsync(adjustment.ProductId, cancellationToken);
    }

    public Task<StockAdjustment?> FindAdjustmentAsync(Guid productId, Guid adjustmentId, CancellationToken cancellationToken) =>
        db.StockAdjustments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == adjustmentId && a.ProductId == productId, cancellationToken);

    public async Task<IReadOnlyList<StockAdjustment>> ListPendingAdjustmentsAsync(
        DateTimeOffset recordedBefore, int limit, CancellationToken cancellationToken) =>
        await db.StockAdjustments.AsNoTracking()
            .Where(a => a.Status == StockAdjustmentStatus.Pending && a.At < recordedBefore)
            .OrderBy(a => a.At).Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<WarmUpProduct>> ListForWarmUpAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking()
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new WarmUpProduct(p, db.StockAdjustments
                .Where(a => a.ProductId == p.Id && a.Status == StockAdjustmentStatus.Pending)
                .Sum(a => (int?)a.Delta) ?? 0))
            .ToListAsync(cancellationToken);

    private async Task<Result<RecordedAdjustment>> RecordInTransactionAsync(StockAdjustment requested, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The product's row lock orders its adjustments: the checks below hold until COMMIT, and a concurrent request
        // with the same key waits here, then finds this one's row.
        var product = (await db.Products
            .FromSqlInterpolated($"SELECT * FROM products WHERE id = {requested.ProductId} FOR UPDATE")
            .AsNoTracking().ToListAsync(ct)).SingleOrDefault();
        if (product is null)
        {
            return ProductErrors.NotFound;
        }

        // By id too: the execution strategy runs this again after a connection lost in COMMIT, which may have committed.
        var key = requested.IdempotencyKey;
        var earlier = await db.StockAdjustments.AsNoTracking().FirstOrDefaultAsync(
            a => a.Id == requested.Id || (key != null && a.ProductId == requested.ProductId && a.IdempotencyKey == key), ct);
        if (earlier is not null)
        {
            return earlier.IsSameRequestAs(requested)
                ? new RecordedAdjustment(earlier, product)
                : ProductErrors.IdempotencyKeyReused;
        }

        var total = (long)product.TotalStock + requested.Delta;
        if (requested.ExpectedTotalStock is { } expected && expected != product.TotalStock)
        {
            return ProductErrors.TotalStockMismatch(product.TotalStock);
        }

        if (total > Product.MaxStock)
        {
            return ProductErrors.StockLimitExceeded;
        }

        if (total < product.Sold)
        {
            return ProductErrors.InsufficientAvailable(product.Unsold);
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE products SET total_stock = total_stock + {requested.Delta}, updated_at = now() WHERE id = {requested.ProductId}", ct);
        db.StockAdjustments.Add(requested);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.Entry(requested).State = EntityState.Detached;
        return new RecordedAdjustment(requested, await ProductAsync(requested.ProductId, ct));
    }

    // Products are never deleted (adjustments and purchases refer to them): one that had an adjustment is there.
    private async Task<Product> ProductAsync(Guid productId, CancellationToken cancellationToken) =>
        await FindAsync(productId, cancellationToken)
        ?? throw new InvalidOperationException($"Product {productId} of a recorded adjustment is missing.");
}
