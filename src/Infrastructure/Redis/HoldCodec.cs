using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Infrastructure.Redis;

/// <summary>Reads a hold as lib.lua packs it; <see cref="HoldLayout"/> is the one other place that knows the layouts.</summary>
internal static class HoldCodec
{
    public static Hold Parse(Guid holdId, ReadOnlySpan<byte> value)
    {
        if (value[HoldLayout.Cart.Mark] == HoldLayout.Cart.MarkValue)
        {
            return ParseCart(holdId, value);
        }

        var (prices, customer) = Tail(value[HoldLayout.OneProduct.HeadLength..]);
        return new Hold(
            holdId,
            [new HoldLine(
                RedisKeys.ProductOfField(value.Slice(HoldLayout.OneProduct.Product, HoldLayout.ProductLength)),
                Quantity.From(BinaryPrimitives.ReadUInt16BigEndian(value[HoldLayout.OneProduct.Quantity..])),
                Price(prices))],
            customer,
            StatusOf(value[HoldLayout.Status]),
            Time(UnixMs(value[HoldLayout.OneProduct.Created..])),
            Time(UnixMs(value[HoldLayout.OneProduct.Deadline..])));
    }

    private static Hold ParseCart(Guid holdId, ReadOnlySpan<byte> value)
    {
        int count = value[HoldLayout.Cart.LineCount];
        var (prices, customer) = Tail(value[(HoldLayout.Cart.HeadLength + count * HoldLayout.Cart.LineLength)..]);
        var priceTexts = prices.Split(',');
        if (priceTexts.Length != count)
        {
            throw new FormatException($"A cart of {count} lines has {priceTexts.Length} prices.");
        }

        var lines = new HoldLine[count];
        for (var i = 0; i < count; i++)
        {
            var line = value.Slice(HoldLayout.Cart.HeadLength + i * HoldLayout.Cart.LineLength, HoldLayout.Cart.LineLength);
            lines[i] = new HoldLine(
                RedisKeys.ProductOfField(line.Slice(HoldLayout.Cart.LineProduct, HoldLayout.ProductLength)),
                Quantity.From(BinaryPrimitives.ReadUInt16BigEndian(line[HoldLayout.Cart.LineQuantity..])),
                Price(priceTexts[i]));
        }

        return new Hold(
            holdId, lines, customer, StatusOf(value[HoldLayout.Status]),
            Time(UnixMs(value[HoldLayout.Cart.Created..])), Time(UnixMs(value[HoldLayout.Cart.Deadline..])));
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

/// <summary>
/// Where each part of a packed hold lies, as lib.lua packs it (HOLD_HEAD, CART_HEAD, CART_LINE). Numbers are big-endian,
/// times Unix ms in 6 bytes. Both layouts end with the unit prices as text, '|', then the customer id (last, so it may hold '|').
/// </summary>
internal static class HoldLayout
{
    /// <summary>The status byte, first in both layouts, so a transition rewrites one byte.</summary>
    public const int Status = 0;

    public const int ProductLength = 16;

    /// <summary>A hold of one product: tallied flag (1), product (16), quantity (2), created (6), deadline (6), then its price.</summary>
    public static class OneProduct
    {
        public const int Product = 2;
        public const int Quantity = 18;
        public const int Created = 20;
        public const int Deadline = 26;
        public const int HeadLength = 32;
    }

    /// <summary>A cart: 'L' where a one-product hold has its tallied flag, the line count (1), created and deadline, the lines, then their prices comma-separated.</summary>
    public static class Cart
    {
        public const int Mark = 1;
        public const byte MarkValue = (byte)'L';
        public const int LineCount = 2;
        public const int Created = 3;
        public const int Deadline = 9;
        public const int HeadLength = 15;

        /// <summary>Each line: tallied flag (1), product (16), quantity (2).</summary>
        public const int LineLength = 19;
        public const int LineProduct = 1;
        public const int LineQuantity = 17;
    }
}
