namespace Reservations.Infrastructure.Persistence.Webhooks;

internal static class WebhookSql
{
    /// <summary>True while an enabled endpoint subscribes to the type: a change writes its event only then, so nobody pays for events nobody wants.</summary>
    public static string Subscribed(string type) =>
        $"EXISTS (SELECT 1 FROM webhook_endpoints WHERE disabled_at IS NULL AND '{type}' = ANY(events))";

    /// <summary>A stable event id for the change with this id: a repeat of the statement finds its event there.</summary>
    public static string EventId(string type, string idColumn) => $"md5('{type}:' || {idColumn})::uuid";

    /// <summary>A timestamp in UTC as the API writes it (ISO 8601, trailing zeros of the fraction dropped, +00:00).</summary>
    public static string IsoUtc(string column) =>
        $"regexp_replace(to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '\\.?0+$', '') || '+00:00'";
}
