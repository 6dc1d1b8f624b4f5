namespace Reservations.Application.Webhooks;

public static class WebhookEventTypes
{
    public const string HoldCreated = "hold.created";
    public const string HoldReleased = "hold.released";
    public const string HoldExpired = "hold.expired";
    public const string HoldPurchased = "hold.purchased";

    public const string OrderCompleted = "order.completed";

    /// <summary>PostgreSQL refused the order for good; it waits in the dead letters for an admin.</summary>
    public const string OrderDeadLettered = "order.dead_lettered";

    public const string StockAdjusted = "stock.adjusted";

    public static readonly IReadOnlyList<string> All =
        [HoldCreated, HoldReleased, HoldExpired, HoldPurchased, OrderCompleted, OrderDeadLettered, StockAdjusted];
}
