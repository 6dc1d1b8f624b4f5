using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reservations.WebApi.Json;

/// <summary>
/// Reads an instant only with its offset ("Z" or ±hh:mm): without one, "10:00" would be the server's local time, a
/// sale opening hours off from what the admin meant. Writes as the default converter does.
/// </summary>
internal sealed class InstantWithOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var instant) || !HasOffset(reader.GetString()!))
        {
            throw new JsonException("An instant must be an ISO 8601 date and time with its offset, such as 2026-12-07T10:00:00Z.");
        }

        return instant;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z')
        || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'
            && TimeSpan.TryParseExact(text[^5..], "hh\\:mm", CultureInfo.InvariantCulture, out _));
}
