using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Reservations.Application.Common.Ports;
using Reservations.Application.Webhooks;
using Reservations.Infrastructure.Persistence.Webhooks;

namespace Reservations.Infrastructure.Persistence;

internal sealed class PurchaseStore(ReservationsDbContext db) : IPurchaseStore
{
    // One statement, so one transaction: the orders are inserted unless they exist, sold rises per product by what
    // was inserted, and each inserted order gets its order.completed webhook event when an endpoint wants that type.
    // Repeating it after a connection lost during COMMIT is therefore safe, which lets the execution strategy retry it.
    // A data-modifying CTE runs to completion even though the final SELECT does not read it.
    private static readonly string InsertBatch = $"""
        WITH inserted AS (
            INSERT INTO purchases (id, product_id, customer_id, quantity, unit_price, purchased_at, reserved_at, expires_at)
            SELECT * FROM unnest(@ids, @products, @customers, @quantities, @prices, @purchased_at, @reserved_at, @expires_at)
            ON CONFLICT (id) DO NOTHING
            RETURNING id, product_id, customer_id, quantity, unit_price, purchased_at),
        sold AS (
            UPDATE products SET sold = products.sold + added.quantity, updated_at = now()
            FROM (SELECT product_id, sum(quantity)::int AS quantity FROM inserted GROUP BY product_id) AS added
            WHERE products.id = added.product_id),
        completed_events AS (
            INSERT INTO webhook_events (id, type, created_at, data)
            SELECT {WebhookSql.EventId(WebhookEventTypes.OrderCompleted, "o.id")}, '{WebhookEventTypes.OrderCompleted}', now(),
                jsonb_build_object('id', o.id, 'productId', o.product_id, 'customerId', o.customer_id, 'quantity', o.quantity,
                    'unitPrice', o.unit_price, 'total', o.quantity * o.unit_price, 'purchasedAt', {WebhookSql.IsoUtc("o.purchased_at")})
            FROM inserted o
            WHERE {WebhookSql.Subscribed(WebhookEventTypes.OrderCompleted)}
            ON CONFLICT (id) DO NOTHING)
        SELECT id FROM inserted
        """;

    public async Task<PersistBatchResult> PersistAsync(IReadOnlyList<PendingPurchase> purchases, CancellationToken cancellationToken)
    {
        try
        {
            var inserted = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                purchases, (_, batch, ct) => InsertAsync(batch, ct), verifySucceeded: null, cancellationToken);
            // Remove, not Contains: the same reservation twice in one batch is inserted once.
            return PersistBatchResult.Stored(
                [.. purchases.Select(p => inserted.Remove(p.ReservationId) ? PersistOutcome.Persisted : PersistOutcome.AlreadyPersisted)]);
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

    private static DbCommand CreateCommand(DbConnection connection, IReadOnlyList<PendingPurchase> batch)
    {
        var command = connection.CreateCommand();
        command.CommandText = InsertBatch;
        command.Parameters.Add(Array("ids", batch.Select(p => p.ReservationId), NpgsqlDbType.Uuid));
        command.Parameters.Add(Array("products", batch.Select(p => p.ProductId), NpgsqlDbType.Uuid));
        command.Parameters.Add(Array("customers", batch.Select(p => p.CustomerId), NpgsqlDbType.Text));
        command.Parameters.Add(Array("quantities", batch.Select(p => p.Quantity), NpgsqlDbType.Integer));
        command.Parameters.Add(Array("prices", batch.Select(p => p.UnitPrice), NpgsqlDbType.Numeric));
        command.Parameters.Add(Array("purchased_at", batch.Select(p => p.PurchasedAt), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Array("reserved_at", batch.Select(p => p.ReservedAt), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Array("expires_at", batch.Select(p => p.ExpiresAt), NpgsqlDbType.TimestampTz));
        return command;
    }

    private static NpgsqlParameter<T[]> Array<T>(string name, IEnumerable<T> values, NpgsqlDbType elementType) =>
        new(name, NpgsqlDbType.Array | elementType) { TypedValue = [.. values] };

    // Class 23 (a constraint: sold above the stock, an unknown product) and class 22 (data PostgreSQL cannot store)
    // fail the same way however often they are tried.
    private static bool IsPermanent(string sqlState) =>
        sqlState.StartsWith("23", StringComparison.Ordinal) || sqlState.StartsWith("22", StringComparison.Ordinal);
}
