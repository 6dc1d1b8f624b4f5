using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Domain.Products;

namespace Reservations.Infrastructure.Persistence;

internal sealed class ProductCatalog(ReservationsDbContext db) : ICatalog
{
    public async Task<Result<Product>> AddAsync(Product product, CancellationToken cancellationToken)
    {
        db.Products.Add(product);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return product;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.Entry(product).State = EntityState.Detached;
            return ProductErrors.DuplicateSku;
        }
    }

    public Task<Product?> FindBySkuAsync(string sku, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Sku == sku, cancellationToken);

    public async Task<Result<Product>> AdjustTotalStockAsync(StockAdjustment a, CancellationToken cancellationToken)
    {
        try
        {
            // One statement: the total changes and the adjustment is recorded together, and only while that
            // adjustment is not recorded yet, so the execution strategy may repeat it after a connection lost in COMMIT.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.Database.ExecuteSqlInterpolatedAsync($"""
                WITH updated AS (
                    UPDATE products SET total_stock = total_stock + {a.Delta}, updated_at = now()
                    WHERE id = {a.ProductId} AND NOT EXISTS (SELECT 1 FROM stock_adjustments WHERE id = {a.Id})
                    RETURNING id)
                INSERT INTO stock_adjustments (id, product_id, delta, actor, reason, at)
                SELECT {a.Id}, id, {a.Delta}, {a.Actor}, {a.Reason}, {a.At} FROM updated
                """, ct), cancellationToken);
            return await FindAsync(a.ProductId, cancellationToken) is { } product ? product : ProductErrors.NotFound;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            var product = await FindAsync(a.ProductId, cancellationToken);
            return ProductErrors.InsufficientAvailable(product is null ? 0 : product.Unsold);
        }
    }

    public async Task<(IReadOnlyList<StockAdjustment> Items, int Total)> ListAdjustmentsAsync(
        Guid productId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var adjustments = db.StockAdjustments.AsNoTracking().Where(a => a.ProductId == productId);
        var total = await adjustments.CountAsync(cancellationToken);
        var items = await adjustments.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<(IReadOnlyList<Product> Items, int Total)> ListAsync(
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await db.Products.CountAsync(cancellationToken);
        var items = await db.Products.AsNoTracking()
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }
}
