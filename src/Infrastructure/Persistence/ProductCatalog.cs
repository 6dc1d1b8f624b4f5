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

    public async Task<Result<Product>> AdjustTotalStockAsync(Guid id, int delta, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(
                set => set.SetProperty(p => p.TotalStock, p => p.TotalStock + delta).SetProperty(p => p.UpdatedAt, DateTimeOffset.UtcNow),
                cancellationToken);
            return updated == 0 || await FindAsync(id, cancellationToken) is not { } product ? ProductErrors.NotFound : product;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            var product = await FindAsync(id, cancellationToken);
            return ProductErrors.InsufficientAvailable(product is null ? 0 : product.Unsold);
        }
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
