namespace Reservations.WebApi.Problems.Types;

internal static class AdminProblemTypes
{
    public static ProblemType[] All { get; } =
    [
        new("dead-letter-not-found", 404,
            "No dead letter for this reservation id: PostgreSQL never refused its purchase, or the dead letter is gone because it "
            + "was retried already or another Worker persisted the purchase after all.",
            "List the current dead letters at `GET /api/admin/dead-letters`."),
        new("webhook-endpoint-not-found", 404,
            "No webhook endpoint with this id; it may have been deleted.",
            "List the endpoints at `GET /api/admin/webhooks`."),
        new("webhook-delivery-not-found", 404,
            "The webhook endpoint has no delivery with this id.",
            "List its deliveries at `GET /api/admin/webhooks/{id}/deliveries`."),
    ];
}
