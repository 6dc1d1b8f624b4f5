using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Reservations.Application.Products.LiveAvailability;

namespace Reservations.WebApi.LiveAvailability;

public static class ServerSentEvents
{
    public const string ContentType = "text/event-stream";
    public const string EventName = "availability";

    /// <summary>A comment line: clients ignore it, proxies see traffic.</summary>
    public static readonly ReadOnlyMemory<byte> KeepAlive = Encoding.UTF8.GetBytes(": keep-alive\n\n");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Every stream of a product sends the same entry object: it is formatted once, whatever the number of streams.
    private static readonly ConditionalWeakTable<AvailabilityEntry, byte[]> Formatted = [];

    /// <summary>How long a client waits before it reconnects after the connection drops.</summary>
    public static byte[] Retry(TimeSpan delay) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"retry: {(long)delay.TotalMilliseconds}\n\n"));

    public static byte[] Event(AvailabilityEntry entry) => Formatted.GetValue(entry, Format);

    private static byte[] Format(AvailabilityEntry entry)
    {
        var data = JsonSerializer.Serialize(
            new AvailabilityEvent(entry.ProductId, entry.Available, entry.Held, entry.Sold, entry.At), Json);
        return Encoding.UTF8.GetBytes($"id: {entry.Id}\nevent: {EventName}\ndata: {data}\n\n");
    }

    /// <summary>The <c>data:</c> of an availability event.</summary>
    public sealed record AvailabilityEvent(Guid ProductId, int Available, int Held, int Sold, DateTimeOffset At);
}
