using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Reads a hold as the scripts pack it (lib.lua writes the layout; this is the one other place that knows it): status,
/// tallied flag, product id (16 bytes), quantity (2), created and deadline (6 each, Unix ms), all big-endian, then the
/// unit price as text, '|' and the customer id, which comes last so it may hold '|'.
/// </summary>
internal static class HoldCodec
{
    private const int HeadLength = 32;

    public static Hold Parse(Guid holdId, ReadOnlySpan<byte> value)
    {
        var tail = value[HeadLength..];
        var bar = tail.IndexOf((byte)'|');
        return new Hold(
            holdId,
            RedisKeys.ProductOfField(value.Slice(2, 16)),
            CustomerId.From(Encoding.UTF8.GetString(tail[(bar + 1)..])),
            Quantity.From(BinaryPrimitives.ReadUInt16BigEndian(value[18..])),
            decimal.Parse(tail[..bar], NumberStyles.Number, CultureInfo.InvariantCulture),
            StatusOf(value[0]),
            Time(UnixMs(value[20..])),
            Time(UnixMs(value[26..])));
    }

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
