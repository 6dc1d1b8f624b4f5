using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reservations.Application.Common.Ports;

namespace Reservations.Infrastructure.Persistence;

internal sealed class PurchaseStore(ReservationsDbContext db) : IPurchaseStore
{
    public async Task<(PersistOutcome Outcome, string? Reason)> PersistAsync(PendingPurchase p, CancellationToken cancellationToken)
    {
        try
        {
            // One statement, so one transaction: the order is inserted unless it exists, and sold rises only with a
            // new row. Repeating it after a connection lost during COMMIT is therefore safe, which lets the execution
            // strategy retry it.
            var rows = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.Database.ExecuteSqlInterpolatedAsync($"""
                WITH inserted AS (
                    INSERT INTO purchases (id, product_id, customer_id, quantity, unit_price, purchased_at)
                    VALUES ({p.ReservationId}, {p.ProductId}, {p.CustomerId}, {p.Quantity}, {p.UnitPrice}, {p.PurchasedAt})
                    ON CONFLICT (id) DO NOTHING
                    RETURNING quantity)
                UPDATE products SET sold = sold + inserted.quantity, updated_at = now()
                FROM inserted WHERE products.id = {p.ProductId}
                """, ct), cancellationToken);
            return (rows == 1 ? PersistOutcome.Persisted : PersistOutcome.AlreadyPersisted, null);
        }
        catch (PostgresException e) when (IsPermanent(e.SqlState))
        {
            return (PersistOutcome.Refused, $"{e.SqlState} {e.ConstraintName ?? e.MessageText}");
        }
    }

    // Class 23 (a constraint: sold above the stock, an unknown product) and class 22 (data PostgreSQL cannot store)
    // fail the same way however often they are tried.
    private static bool IsPermanent(string sqlState) =>
        sqlState.StartsWith("23", StringComparison.Ordinal) || sqlState.StartsWith("22", StringComparison.Ordinal);
}
