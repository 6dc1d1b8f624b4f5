using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reservations.Application.Webhooks;

/// <summary>How webhook data is written: as the API writes its responses (web defaults, so camelCase names, and enums
/// as camelCase strings), so that a hold in an event reads exactly as <c>GET /api/reservations/{id}</c> answers
/// it.</summary>
public static class WebhookJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
