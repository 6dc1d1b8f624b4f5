using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Reservations.Application.Common.Ports;
using Reservations.Application.Purchases.Persist;
using Reservations.Application.Webhooks;
using Reservations.Infrastructure.Persistence.Webhooks;

namespace Reservations.Infrastructure.Persistence;

internal sealed class PurchaseStore(ReservationsDbContext db) : IPurchaseStore
{
    // One statement, so one transaction, which makes the execution strategy's retry after a connection lost in COMMIT safe:
    // lines are inserted unless they exist, sold rises by what was inserted, and each inserted order gets one
    // order.completed event (its data as GET /api/orders/{id} returns it) when an endpoint wants that type. A data-modifying
    // CTE runs to completion even unread by the final SELECT. An order's lines are written together: inserted or found whole.
    private static readonly string InsertBatch = $"""
        WITH inserted AS (
            INSERT INTO purchases (id, line, product_id, customer_id, quantity, unit_price, purchased_at, reserved_at, expires_at)
            SELECT * FROM unnest(@ids, @lines, @products, @customers, @quantities, @prices, @purchased_at, @reserved_at, @expires_at)
            ON CONFLICT (id, line) DO NOTHING
            RETURNING id, line, product_id, customer_id, quantity, unit_price, purchased_at),
        sold AS (
            UPDATE products SET sold = products.sold + added.quantity, updated_at = now()
            FROM (SELECT product_id, sum(quantity)::int AS quantity FROM inserted GROUP BY product_id) AS added
            WHERE products.id = added.product_id),
        orders AS (
            SELECT id, customer_id, purchased_at, count(*) AS lines, sum(quantity * unit_price) AS total,
                jsonb_agg(jsonb_build_object('productId', product_id, 'quantity', quantity, 'unitPrice', unit_price) ORDER BY line) AS items
            FROM inserted
            GROUP BY id, customer_id, purchased_at),
        completed_events AS (
            INSERT INTO webhook_events (id, type, created_at, data)
            SELECT {WebhookSql.EventId(WebhookEventTypes.OrderCompleted, "o.id")}, '{WebhookEventTypes.OrderCompleted}', now(),
                jsonb_build_object('id', o.id, 'customerId', o.customer_id,
                    'productId', CASE WHEN o.lines = 1 THEN o.items -> 0 -> 'productId' END,
                    'quantity', CASE WHEN o.lines = 1 THEN o.items -> 0 -> 'quantity' END,
                    'unitPrice', CASE WHEN o.lines = 1 THEN o.items -> 0 -> 'unitPrice' END,
                    'items', o.items, 'total', o.total, 'purchasedAt', {WebhookSql.IsoUtc("o.purchased_at")})
            FROM orders o
            WHERE {WebhookSql.Subscribed(WebhookEventTypes.OrderCompleted)}
            ON CONFLICT (id) DO NOTHING)
        SELECT DISTINCT id FROM inserted
        """;

    public async Task<PersistBatchResult> PersistAsync(IReadOnlyList<PendingPurchase> purchases, CancellationToken cancellationToken)
    {
        try
        {
            var inserted = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                purchases, (_, batch, ct) => InsertAsync(batch, ct), verifySucceeded: null, cancellationToken);
            // Remove, not Contains: the same reservation twice in one batch is inserted once.
            return PersistBatchResult.Stored(
                [.. purchases.Select(p => inserted.Remove(p.HoldId) ? PersistOutcome.Persisted : PersistOutcome.AlreadyPersisted)]);
        }
        catch (PostgresException e) when (IsPermanent(e.SqlState))
        {
            return PersistBatchResult.Refused($"{e.SqlState} {e.ConstraintName ?? e.MessageText}");
        }
    }

    private async Task<HashSet<Guid>> InsertAsync(IReadOnlyList<PendingPurchase> batch, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = CreateCommand(db.Database.GetDbConnection(), batch);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var inserted = new HashSet<Guid>();
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(reader.GetGuid(0));
            }

            return inserted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // One element per line: an order's id, customer and times repeat on each of its lines.
    private static DbCommand CreateCommand(DbConnection connection, IReadOnlyList<PendingPurchase> batch)
    {
        var lines = batch.SelectMany(p => p.Lines.Select((line, index) => (Purchase: p, Line: line, Index: (short)index))).ToArray();
        var command = connection.CreateCommand();
        command.CommandText = InsertBatch;
        command.Parameters.Add(Array("ids", lines.Select(l => l.Purchase.HoldId), NpgsqlDbType.Uuid));
        command.Parameters.Add(Array("lines", lines.Select(l => l.Index), NpgsqlDbType.Smallint));
        command.Parameters.Add(Array("products", lines.Select(l => l.Line.ProductId), NpgsqlDbType.Uuid));
        command.Parameters.Add(Array("customers", lines.Select(l => l.Purchase.CustomerId), NpgsqlDbType.Text));
        command.Parameters.Add(Array("quantities", lines.Select(l => l.Line.Quantity), NpgsqlDbType.Integer));
        command.Parameters.Add(Array("prices", lines.Select(l => l.Line.UnitPrice), NpgsqlDbType.Numeric));
        command.Parameters.Add(Array("purchased_at", lines.Select(l => l.Purchase.PurchasedAt), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Array("reserved_at", lines.Select(l => l.Purchase.ReservedAt), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Array("expires_at", lines.Select(l => l.Purchase.ExpiresAt), NpgsqlDbType.TimestampTz));
        return command;
    }

    private static NpgsqlParameter<T[]> Array<T>(string name, IEnumerable<T> values, NpgsqlDbType elementType) =>
        new(name, NpgsqlDbType.Array | elementType) { TypedValue = [.. values] };

    // Class 23 (a constraint: sold above the stock, an unknown product) and class 22 (data PostgreSQL cannot store)
    // fail the same way however often they are tried.
    private static bool IsPermanent(string sqlState) =>
        sqlState.StartsWith("23", StringComparison.Ordinal) || sqlState.StartsWith("22", StringComparison.Ordinal);
}
