namespace Reservations.Application.Webhooks;

/// <summary>Failed: it kept failing past the retry window, or its endpoint was disabled; it is sent again only when an
/// admin retries it.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}
