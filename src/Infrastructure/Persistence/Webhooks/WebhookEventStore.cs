using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Reservations.Application.Webhooks;

namespace Reservations.Infrastructure.Persistence.Webhooks;

internal sealed class WebhookEventStore(ReservationsDbContext db) : IWebhookEventStore
{
    private const string InsertBatch = """
        INSERT INTO webhook_events (id, type, created_at, data)
        SELECT id, type, created_at, data::jsonb FROM unnest(@ids, @types, @created_at, @data) AS e(id, type, created_at, data)
        ON CONFLICT (id) DO NOTHING
        """;

    public async Task AppendAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        object[] parameters =
        [
            new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. events.Select(e => e.Id)] },
            new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. events.Select(e => e.Type)] },
            new NpgsqlParameter<DateTimeOffset[]>("created_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            {
                TypedValue = [.. events.Select(e => e.CreatedAt.ToUniversalTime())],
            },
            new NpgsqlParameter<string[]>("data", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. events.Select(e => e.Data)] },
        ];
        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            ct => db.Database.ExecuteSqlRawAsync(InsertBatch, parameters, ct), cancellationToken);
    }

    public async Task<GateEventSubscriptions> SubscriptionsAsync(CancellationToken cancellationToken)
    {
        // One statement, so the types and the generation are read from the same snapshot of the endpoints.
        var reading = await db.Database.SqlQuery<SubscriptionsRow>($$"""
            SELECT coalesce((SELECT generation FROM webhook_endpoint_generation WHERE id = 1), 0) AS "Generation",
                   coalesce((SELECT array_agg(DISTINCT t) FROM webhook_endpoints e, unnest(e.events) AS t
                             WHERE e.disabled_at IS NULL), '{}') AS "Types"
            """).SingleAsync(cancellationToken);
        return new GateEventSubscriptions(reading.Generation, reading.Types.ToHashSet(StringComparer.Ordinal));
    }

    private sealed record SubscriptionsRow(long Generation, string[] Types);
}
