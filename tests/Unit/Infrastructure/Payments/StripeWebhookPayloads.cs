using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Reservations.UnitTests.Infrastructure.Payments;

/// <summary>Checkout session events as Stripe sends them, and their <c>Stripe-Signature</c> as Stripe computes it.</summary>
internal static class StripeWebhookPayloads
{
    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    public static string SessionEvent(string eventId, string type, JsonObject session, string apiVersion = "2020-08-27") => new JsonObject
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = apiVersion,
        ["created"] = 1_765_000_000,
        ["livemode"] = false,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = session },
    }.ToJsonString();

    public static JsonObject Session(string id, JsonObject metadata, string? clientReferenceId = null, string paymentStatus = "paid") => new()
    {
        ["id"] = id,
        ["object"] = "checkout.session",
        ["mode"] = "payment",
        ["client_reference_id"] = clientReferenceId,
        ["metadata"] = metadata,
        ["payment_intent"] = "pi_test_7",
        ["payment_status"] = paymentStatus,
        ["amount_total"] = 2999,
        ["currency"] = "eur",
        ["status"] = paymentStatus == "paid" ? "complete" : "expired",
    };
}
