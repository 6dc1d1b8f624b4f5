using System.Text;

namespace Reservations.UnitTests.Infrastructure.Redis;

/// <summary>The Redis Cluster slot of a key: CRC16/XMODEM of its hash tag (or the whole key) modulo 16384.</summary>
internal static class ClusterSlot
{
    public const int Count = 16_384;

    public static int Of(string key) => Crc16(Encoding.UTF8.GetBytes(HashTagOf(key))) % Count;

    // Redis hashes only the part between the first '{' and the next '}', when that part is not empty.
    private static string HashTagOf(string key)
    {
        var open = key.IndexOf('{', StringComparison.Ordinal);
        var close = open < 0 ? -1 : key.IndexOf('}', open + 1);
        return close > open + 1 ? key[(open + 1)..close] : key;
    }

    private static int Crc16(byte[] bytes)
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
