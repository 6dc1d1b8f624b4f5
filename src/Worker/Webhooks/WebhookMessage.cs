using System.Text;
using System.Text.Json;
using Reservations.Application.Webhooks.Delivery;

namespace Reservations.Worker.Webhooks;

/// <summary>The body every endpoint receives: <c>{"id","type","createdAt","data":{…}}</c>, the same on every attempt.</summary>
internal static class WebhookMessage
{
    public static string Body(DueDelivery delivery)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", delivery.EventId);
            json.WriteString("type", delivery.EventType);
            json.WriteString("createdAt", delivery.EventCreatedAt.ToUniversalTime());
            json.WritePropertyName("data");
            json.WriteRawValue(delivery.Data);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
