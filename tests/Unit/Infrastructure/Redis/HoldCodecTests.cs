using System.Buffers.Binary;
using System.Text;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class HoldCodecTests
{
    private static readonly Guid HoldId = new RedisKeys("rsv", 16).NewHoldId(3);

    // Bytes whose product id holds '|', NUL and invalid UTF-8, and times past 2^32 ms.
    private static readonly Guid ProductId = new("7c7c0000-ff80-7ec0-8000-00000000007c");
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_123);
    private static readonly DateTimeOffset Deadline = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds());

    [Theory]
    [InlineData("h", HoldStatus.Held)]
    [InlineData("p", HoldStatus.Purchased)]
    [InlineData("c", HoldStatus.Completed)]
    [InlineData("r", HoldStatus.Released)]
    [InlineData("e", HoldStatus.Expired)]
    public void Parse_WhenPackedAsTheScriptsPackIt_GivesBackEveryField(string status, HoldStatus expected)
    {
        var value = Packed(status, "9999999999.99", "auth0|x:{s1}|é|💡");

        var hold = HoldCodec.Parse(HoldId, value);

        hold.Should().Be(new Hold(
            HoldId, ProductId, CustomerId.From("auth0|x:{s1}|é|💡"), Quantity.From(Quantity.MaxValue), 9_999_999_999.99m,
            expected, Created, Deadline));
    }

    [Fact]
    public void TheLargestQuantity_FitsThePackedTwoByteField() =>
        Quantity.MaxValue.Should().BeLessThanOrEqualTo(ushort.MaxValue, "lib.lua packs a hold's quantity in 2 bytes");

    [Fact]
    public void Parse_WhenTheCustomerIdIsLongest_KeepsItWhole()
    {
        var customer = string.Concat(Enumerable.Repeat("|ü", CustomerId.MaxLength / 2));

        HoldCodec.Parse(HoldId, Packed("h", "0.00", customer)).Customer.Value.Should().Be(customer);
    }

    [Fact]
    public void Parse_WhenTheStatusIsUnknown_Throws()
    {
        var act = () => HoldCodec.Parse(HoldId, Packed("x", "1.00", "alice"));

        act.Should().Throw<FormatException>();
    }

    // The layout lib.lua documents and packs: status, tallied, product (16), quantity (2), created and deadline (6
    // each), big-endian, then the price, '|' and the customer id.
    private static byte[] Packed(string status, string price, string customer)
    {
        var head = new byte[32];
        head[0] = (byte)status[0];
        head[1] = (byte)'1';
        ProductId.TryWriteBytes(head.AsSpan(2, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(18), (ushort)Quantity.MaxValue);
        WriteUInt48(head.AsSpan(20), Created.ToUnixTimeMilliseconds());
        WriteUInt48(head.AsSpan(26), Deadline.ToUnixTimeMilliseconds());
        return [.. head, .. Encoding.UTF8.GetBytes($"{price}|{customer}")];
    }

    private static void WriteUInt48(Span<byte> destination, long value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)value);
    }
}
