using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Delivery;

namespace Reservations.Infrastructure.Persistence.Webhooks;

/// <summary>
/// Deliveries are claimed with a lease (FOR UPDATE SKIP LOCKED, then a token and an end time): several Workers never
/// claim the same one, and one a killed Worker held is due again once its lease ends. A failure is recorded under the
/// token, so a Worker whose lease ran out cannot overwrite what another one did since; a success is recorded whoever
/// holds the lease, since the endpoint has the event either way and sending it again would only repeat it.
/// </summary>
internal sealed class WebhookDeliveryStore(ReservationsDbContext db) : IWebhookDeliveries
{
    private const int ErrorMaxLength = 500;

    public Task<int> FanOutAsync(int limit, TimeSpan retryWindow, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH due AS (
                SELECT id, type, created_at FROM webhook_events WHERE fanned_out_at IS NULL
                ORDER BY created_at LIMIT {limit} FOR UPDATE SKIP LOCKED),
            created AS (
                INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status, attempts, next_attempt_at, give_up_at, created_at)
                SELECT gen_random_uuid(), due.id, e.id, {nameof(WebhookDeliveryStatus.Pending)}, 0, now(), due.created_at + {retryWindow}, now()
                FROM due JOIN webhook_endpoints e ON e.disabled_at IS NULL AND due.type = ANY(e.events)
                ON CONFLICT (event_id, endpoint_id) DO NOTHING)
            UPDATE webhook_events SET fanned_out_at = now() FROM due WHERE webhook_events.id = due.id
            """, ct), cancellationToken);

    public async Task<IReadOnlyList<Guid>> EndpointsWithDueDeliveriesAsync(int limit, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<Guid>($"""
            SELECT DISTINCT d.endpoint_id AS "Value"
            FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.disabled_at IS NULL
            WHERE d.status = {nameof(WebhookDeliveryStatus.Pending)} AND d.next_attempt_at <= now()
              AND (d.lease_until IS NULL OR d.lease_until < now())
            LIMIT {limit}
            """).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DueDelivery>> ClaimAsync(
        Guid endpointId, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = ClaimSql;
            command.Parameters.Add(new NpgsqlParameter<Guid>("token", token));
            command.Parameters.Add(new NpgsqlParameter<TimeSpan>("lease", lease));
            command.Parameters.Add(new NpgsqlParameter<Guid>("endpoint", endpointId));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var claimed = new List<DueDelivery>();
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(Read(reader, token));
            }

            return claimed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task RecordDeliveredAsync(DueDelivery delivery, int statusCode, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE webhook_deliveries
            SET status = {nameof(WebhookDeliveryStatus.Delivered)}, attempts = attempts + 1, last_attempt_at = now(),
                last_status_code = {statusCode}, last_error = NULL, delivered_at = now(), lease_token = NULL, lease_until = NULL
            WHERE id = {delivery.Id} AND status = {nameof(WebhookDeliveryStatus.Pending)}
            """, ct), cancellationToken);

    public async Task<bool> RecordFailedAsync(
        DueDelivery delivery, int? statusCode, string error, TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        error = Truncate(error);
        var reason = Truncate($"Event {delivery.EventId} ({delivery.EventType}) still failed after {delivery.Attempts + 1} " +
            $"attempts at the end of its retry window: {error}");
        var statuses = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.Database.SqlQuery<string>($"""
            WITH failed AS (
                UPDATE webhook_deliveries
                SET attempts = attempts + 1, last_attempt_at = now(), last_status_code = {statusCode}, last_error = {error},
                    lease_token = NULL, lease_until = NULL, next_attempt_at = now() + {retryDelay},
                    status = CASE WHEN now() + {retryDelay} > give_up_at
                        THEN {nameof(WebhookDeliveryStatus.Failed)} ELSE {nameof(WebhookDeliveryStatus.Pending)} END
                WHERE id = {delivery.Id} AND lease_token = {delivery.LeaseToken} AND status = {nameof(WebhookDeliveryStatus.Pending)}
                RETURNING endpoint_id, status),
            disabled AS (
                UPDATE webhook_endpoints e SET disabled_at = now(), disabled_reason = {reason}
                FROM failed f WHERE f.status = {nameof(WebhookDeliveryStatus.Failed)} AND e.id = f.endpoint_id AND e.disabled_at IS NULL
                RETURNING e.id),
            abandoned AS (
                UPDATE webhook_deliveries d
                SET status = {nameof(WebhookDeliveryStatus.Failed)}, last_error = 'The endpoint was disabled.', lease_token = NULL, lease_until = NULL
                FROM disabled WHERE d.endpoint_id = disabled.id AND d.status = {nameof(WebhookDeliveryStatus.Pending)} AND d.id <> {delivery.Id})
            SELECT status AS "Value" FROM failed
            """).ToListAsync(ct), cancellationToken);
        return statuses is [nameof(WebhookDeliveryStatus.Failed)];
    }

    // An event goes once no delivery refers to it: those this statement removes still count (its snapshot), so such an
    // event goes in the next round.
    public Task<int> PruneAsync(TimeSpan keep, int limit, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct => (await db.Database.SqlQuery<int>($"""
            WITH deliveries AS (
                DELETE FROM webhook_deliveries WHERE id IN (
                    SELECT id FROM webhook_deliveries
                    WHERE status <> {nameof(WebhookDeliveryStatus.Pending)} AND created_at < now() - {keep}
                    LIMIT {limit})
                RETURNING 1),
            events AS (
                DELETE FROM webhook_events WHERE id IN (
                    SELECT e.id FROM webhook_events e
                    WHERE e.fanned_out_at IS NOT NULL AND e.created_at < now() - {keep}
                      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)
                    LIMIT {limit})
                RETURNING 1)
            SELECT ((SELECT count(*) FROM deliveries) + (SELECT count(*) FROM events))::int AS "Value"
            """).ToListAsync(ct)).Single(), cancellationToken);

    private const string ClaimSql = """
        WITH claimed AS (
            UPDATE webhook_deliveries d SET lease_token = @token, lease_until = now() + @lease
            FROM (SELECT id FROM webhook_deliveries
                  WHERE endpoint_id = @endpoint AND status = 'Pending' AND next_attempt_at <= now()
                    AND (lease_until IS NULL OR lease_until < now())
                  ORDER BY next_attempt_at LIMIT @limit FOR UPDATE SKIP LOCKED) due
            WHERE d.id = due.id
            RETURNING d.id, d.attempts, d.event_id, d.endpoint_id)
        SELECT c.id, c.attempts, ev.id, ev.type, ev.created_at, ev.data::text, en.id, en.url, en.secret
        FROM claimed c
        JOIN webhook_events ev ON ev.id = c.event_id
        JOIN webhook_endpoints en ON en.id = c.endpoint_id AND en.disabled_at IS NULL
        """;

    private static DueDelivery Read(DbDataReader reader, Guid token) => new(
        reader.GetGuid(0), token, reader.GetInt32(1), reader.GetGuid(2), reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetGuid(6), reader.GetString(7), reader.GetString(8));

    private static string Truncate(string text) => text.Length <= ErrorMaxLength ? text : text[..ErrorMaxLength];
}
