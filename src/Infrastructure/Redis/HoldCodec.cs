using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Reads a hold as the scripts pack it (lib.lua writes the layouts; this is the one other place that knows them). A hold
/// of one product: status, tallied flag, product id (16 bytes), quantity (2), created and deadline (6 each, Unix ms), all
/// big-endian, then the unit price as text, '|' and the customer id, which comes last so it may hold '|'. A cart: status,
/// 'L', its line count (1), created and deadline (6 each), per line a tallied flag, product id (16) and quantity (2), then
/// the lines' unit prices comma-separated, '|' and the customer id.
/// </summary>
internal static class HoldCodec
{
    private const int HeadLength = 32;
    private const byte CartMark = (byte)'L';
    private const int CartHeadLength = 15;
    private const int CartLineLength = 19;

    public static Hold Parse(Guid holdId, ReadOnlySpan<byte> value)
    {
        if (value[1] == CartMark)
        {
            return ParseCart(holdId, value);
        }

        var (prices, customer) = Tail(value[HeadLength..]);
        return new Hold(
            holdId,
            [new HoldLine(RedisKeys.ProductOfField(value.Slice(2, 16)), Quantity.From(BinaryPrimitives.ReadUInt16BigEndian(value[18..])), Price(prices))],
            customer,
            StatusOf(value[0]),
            Time(UnixMs(value[20..])),
            Time(UnixMs(value[26..])));
    }

    private static Hold ParseCart(Guid holdId, ReadOnlySpan<byte> value)
    {
        int count = value[2];
        var (prices, customer) = Tail(value[(CartHeadLength + count * CartLineLength)..]);
        var priceTexts = prices.Split(',');
        if (priceTexts.Length != count)
        {
            throw new FormatException($"A cart of {count} lines has {priceTexts.Length} prices.");
        }

        var lines = new HoldLine[count];
        for (var i = 0; i < count; i++)
        {
            var line = value.Slice(CartHeadLength + i * CartLineLength, CartLineLength);
            lines[i] = new HoldLine(
                RedisKeys.ProductOfField(line.Slice(1, 16)), Quantity.From(BinaryPrimitives.ReadUInt16BigEndian(line[17..])), Price(priceTexts[i]));
        }

        return new Hold(holdId, lines, customer, StatusOf(value[0]), Time(UnixMs(value[3..])), Time(UnixMs(value[9..])));
    }

    // The unit prices and the customer: the customer comes last, after the first '|', so it may hold '|'.
    private static (string Prices, CustomerId Customer) Tail(ReadOnlySpan<byte> tail)
    {
        var bar = tail.IndexOf((byte)'|');
        return (Encoding.ASCII.GetString(tail[..bar]), CustomerId.From(Encoding.UTF8.GetString(tail[(bar + 1)..])));
    }

    private static decimal Price(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string unixMs) => Time(long.Parse(unixMs, CultureInfo.InvariantCulture));

    private static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    private static long UnixMs(ReadOnlySpan<byte> sixBytes) =>
        ((long)BinaryPrimitives.ReadUInt16BigEndian(sixBytes) << 32) | BinaryPrimitives.ReadUInt32BigEndian(sixBytes[2..]);

    /// <summary>The byte a status is stored as, the first of a packed hold.</summary>
    public static byte CodeOf(HoldStatus status) => status switch
    {
        HoldStatus.Held => (byte)'h',
        HoldStatus.Purchased => (byte)'p',
        HoldStatus.Completed => (byte)'c',
        HoldStatus.Released => (byte)'r',
        HoldStatus.Expired => (byte)'e',
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a hold status."),
    };

    private static HoldStatus StatusOf(byte code) => code switch
    {
        (byte)'h' => HoldStatus.Held,
        (byte)'p' => HoldStatus.Purchased,
        (byte)'c' => HoldStatus.Completed,
        (byte)'r' => HoldStatus.Released,
        (byte)'e' => HoldStatus.Expired,
        _ => throw new FormatException($"Unknown hold status '{(char)code}'."),
    };
}
