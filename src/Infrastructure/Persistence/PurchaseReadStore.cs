using Microsoft.EntityFrameworkCore;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products.WarmUp;
using Reservations.Application.Purchases;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Domain.Purchases;

namespace Reservations.Infrastructure.Persistence;

/// <summary>Purchases from the purchases table, one row per line, read as the API's orders.</summary>
internal sealed class PurchaseReadStore(ReservationsDbContext db) : IPurchaseReadStore, IPurchasedHolds, IPurchasedUnits
{
    public async Task<(IReadOnlyList<OrderResponse> Items, int Total)> ListAsync(
        string customerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var mine = db.Purchases.AsNoTracking().Where(p => p.CustomerId == customerId).Select(p => new { p.Id, p.PurchasedAt }).Distinct();
        var total = await mine.CountAsync(cancellationToken);
        var ids = await mine.OrderByDescending(o => o.PurchasedAt).ThenByDescending(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
        var lines = (await LinesOf(ids).ToListAsync(cancellationToken)).ToLookup(p => p.Id);
        return ([.. ids.Select(id => ToResponse([.. lines[id]]))], total);
    }

    public async Task<OrderResponse?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await LinesOf([id]).ToListAsync(cancellationToken) is { Count: > 0 } lines ? ToResponse(lines) : null;

    public async Task<Hold?> FindHoldAsync(Guid id, CancellationToken cancellationToken)
    {
        var lines = await LinesOf([id]).ToListAsync(cancellationToken);
        if (lines.Count == 0)
        {
            return null;
        }

        var first = lines[0];
        return new Hold(
            first.Id, [.. lines.Select(l => new HoldLine(l.ProductId, Quantity.From(l.Quantity), l.UnitPrice))],
            CustomerId.From(first.CustomerId), HoldStatus.Completed, first.ReservedAt ?? first.PurchasedAt, first.ExpiresAt ?? first.PurchasedAt);
    }

    public async Task<IReadOnlyDictionary<string, int>> PurchasedByCustomerAsync(Guid productId, CancellationToken cancellationToken) =>
        await db.Purchases.AsNoTracking().Where(p => p.ProductId == productId)
            .GroupBy(p => p.CustomerId)
            .Select(g => new { Customer = g.Key, Units = g.Sum(p => p.Quantity) })
            .ToDictionaryAsync(g => g.Customer, g => g.Units, cancellationToken);

    private IQueryable<Purchase> LinesOf(IReadOnlyCollection<Guid> ids) =>
        db.Purchases.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ThenBy(p => p.Line);

    // Lines in order; a single-product purchase repeats its line at the top level, a cart's leaves those fields null.
    private static OrderResponse ToResponse(List<Purchase> lines)
    {
        var single = lines.Count == 1 ? lines[0] : null;
        return new OrderResponse(
            lines[0].Id, single?.ProductId, lines[0].CustomerId, single?.Quantity, single?.UnitPrice,
            [.. lines.Select(l => new OrderItemResponse(l.ProductId, l.Quantity, l.UnitPrice))],
            lines.Sum(l => l.Quantity * l.UnitPrice), lines[0].PurchasedAt);
    }
}
