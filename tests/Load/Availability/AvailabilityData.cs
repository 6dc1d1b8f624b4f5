using System.Text.Json;

namespace Reservations.Load.Availability;

/// <summary>The <c>data:</c> of an <c>availability</c> event.</summary>
public sealed record AvailabilityData(Guid ProductId, int Available, int Held, int Sold, DateTimeOffset At)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AvailabilityData Parse(string data) =>
        JsonSerializer.Deserialize<AvailabilityData>(data, Json) ?? throw new FormatException("An availability event without data.");
}
