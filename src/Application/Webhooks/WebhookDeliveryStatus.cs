namespace Reservations.Application.Webhooks;

/// <summary>Pending: waiting for its next attempt (or being sent); Delivered: the endpoint answered 2xx; Failed: it
/// kept failing past the retry window, or its endpoint was disabled, and is sent again only when an admin retries
/// it.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}
