using System.Text;
using StackExchange.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

/// <summary>The Redis Cluster slot of a key: CRC16/XMODEM of its hash tag (or the whole key) modulo 16384.</summary>
internal static class ClusterSlot
{
    public const int Count = 16_384;

    public static int Of(string key) => Of(Encoding.UTF8.GetBytes(key));

    public static int Of(RedisKey key) => Of((byte[])key!);

    private static int Of(byte[] key) => Crc16(HashTagOf(key)) % Count;

    // Redis hashes only the bytes between the first '{' and the next '}', when there are any.
    private static ReadOnlySpan<byte> HashTagOf(ReadOnlySpan<byte> key)
    {
        var open = key.IndexOf((byte)'{');
        var close = open < 0 ? -1 : key[(open + 1)..].IndexOf((byte)'}');
        return close > 0 ? key.Slice(open + 1, close) : key;
    }

    private static int Crc16(ReadOnlySpan<byte> bytes)
    {
        var crc = 0;
        foreach (var b in bytes)
        {
            crc ^= b << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }

        return crc;
    }
}
