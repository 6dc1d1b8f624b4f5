using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Domain.Products;

namespace Reservations.Infrastructure.Persistence;

internal sealed partial class ProductCatalog(ReservationsDbContext db) : ICatalog
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

    public async Task<IReadOnlyDictionary<Guid, int>> GetTotalStocksAsync(
        IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.TotalStock, cancellationToken);

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
