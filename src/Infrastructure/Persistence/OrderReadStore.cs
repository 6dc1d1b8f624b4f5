using Microsoft.EntityFrameworkCore;
using Reservations.Application.Common.Ports;
using Reservations.Application.Orders;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;

namespace Reservations.Infrastructure.Persistence;

internal sealed class OrderReadStore(ReservationsDbContext db) : IOrderReadStore
{
    public async Task<(IReadOnlyList<OrderResponse> Items, int Total)> ListAsync(
        string customerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var mine = db.Purchases.AsNoTracking().Where(p => p.CustomerId == customerId);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(p => p.PurchasedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new OrderResponse(p.Id, p.ProductId, p.CustomerId, p.Quantity, p.UnitPrice, new[] { new OrderItemResponse(p.ProductId, p.Quantity, p.UnitPrice) }, p.Quantity * p.UnitPrice, p.PurchasedAt))
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public Task<OrderResponse?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Purchases.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new OrderResponse(p.Id, p.ProductId, p.CustomerId, p.Quantity, p.UnitPrice, new[] { new OrderItemResponse(p.ProductId, p.Quantity, p.UnitPrice) }, p.Quantity * p.UnitPrice, p.PurchasedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<Hold?> FindHoldAsync(Guid id, CancellationToken cancellationToken)
    {
        var order = await db.Purchases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return order is null
            ? null
            : new Hold(order.Id, order.ProductId, CustomerId.From(order.CustomerId), Quantity.From(order.Quantity), order.UnitPrice,
                HoldStatus.Completed, order.ReservedAt ?? order.PurchasedAt, order.ExpiresAt ?? order.PurchasedAt);
    }

    public async Task<IReadOnlyDictionary<string, int>> PurchasedByCustomerAsync(Guid productId, CancellationToken cancellationToken) =>
        await db.Purchases.AsNoTracking().Where(p => p.ProductId == productId)
            .GroupBy(p => p.CustomerId)
            .Select(g => new { Customer = g.Key, Units = g.Sum(p => p.Quantity) })
            .ToDictionaryAsync(g => g.Customer, g => g.Units, cancellationToken);
}
