using Microsoft.EntityFrameworkCore;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Domain.Products;

namespace Reservations.Infrastructure.Persistence;

internal sealed partial class ProductCatalog
{
    public Task<Result<Product>> EditAsync(
        Guid productId, Func<Product, Result<ProductChange?>> edit, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(ct => EditInTransactionAsync(productId, edit, ct), cancellationToken);

    public async Task<(IReadOnlyList<ProductChange> Items, int Total)> ListChangesAsync(
        Guid productId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var changes = db.ProductChanges.AsNoTracking().Where(c => c.ProductId == productId);
        var total = await changes.CountAsync(cancellationToken);
        var items = await changes.OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<IReadOnlyList<Product>> ListUpdatedSinceAsync(
        DateTimeOffset? since, Product? after, int limit, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking().Where(p => since == null || p.UpdatedAt >= since);
        if (after is not null)
        {
            // By (updated_at, id), not by offset: a product updated during the walk moves behind it, the others stay put.
            products = products.Where(p => EF.Functions.GreaterThan(ValueTuple.Create(p.UpdatedAt, p.Id), ValueTuple.Create(after.UpdatedAt, after.Id)));
        }

        return await products.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id).Take(limit).ToListAsync(cancellationToken);
    }

    // Run again by the execution strategy after a connection lost in COMMIT: the product then has the terms already,
    // the edit finds nothing to change, and no second audit row is written.
    private async Task<Result<Product>> EditInTransactionAsync(
        Guid productId, Func<Product, Result<ProductChange?>> edit, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The row lock orders concurrent edits: each applies its patch to the product as the one before committed it.
        var product = (await db.Products
            .FromSqlInterpolated($"SELECT * FROM products WHERE id = {productId} FOR UPDATE")
            .ToListAsync(ct)).SingleOrDefault();
        if (product is null)
        {
            return ProductErrors.NotFound;
        }

        var change = edit(product);
        if (!change.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return change.Error!;
        }

        if (change.Value is { } recorded)
        {
            db.ProductChanges.Add(recorded);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return product;
    }
}
