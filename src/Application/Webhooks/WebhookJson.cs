using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reservations.Application.Webhooks;

/// <summary>As the API writes its responses (web defaults: camelCase names, enums as camelCase strings), so a hold in
/// an event reads exactly as <c>GET /api/reservations/{id}</c> answers it.</summary>
public static class WebhookJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
