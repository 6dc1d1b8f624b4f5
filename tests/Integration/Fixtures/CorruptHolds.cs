using System.Buffers.Binary;
using Reservations.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// Rewrites a live hold's stored value the way a bug, another version or a hand edit could (the layout is lib.lua's),
/// so that tests can show that expiry sets it aside rather than failing on it.
/// </summary>
public static class CorruptHolds
{
    /// <summary>Each way a hold's value is corrupted here, and how the expire script's reason for setting it aside starts.</summary>
    public static TheoryData<string, string> Kinds => new()
    {
        { "truncated", "it does not parse: " },
        { "unknown-product", "its product has no stock in this shard" },
        { "more-than-held", "it holds 60000 units, its product only " },
        { "deadline-after-its-bucket", "its deadline " },
        { "unknown-status", "its status 'x' is not a live hold's" },
    };

    /// <summary>Replaces the hold's value with its corrupted form (see <see cref="Kinds"/>) and returns what is stored now.</summary>
    public static async Task<byte[]> CorruptHoldAsync(this ReservationsApiFactory api, Guid holdId, string kind)
    {
        var holds = api.Keys.Holds(api.Keys.ShardOfHold(holdId)!.Value);
        var field = RedisKeys.HoldField(holdId);
        var value = (byte[])(await api.Redis.HashGetAsync(holds, field))!;
        var corrupted = Corrupted(value, kind);
        await api.Redis.HashSetAsync(holds, field, corrupted);
        return corrupted;
    }

    private static byte[] Corrupted(byte[] value, string kind)
    {
        var copy = (byte[])value.Clone();
        switch (kind)
        {
            case "truncated":
                return value[..10];
            case "unknown-product":
                Guid.NewGuid().ToByteArray(bigEndian: true).CopyTo(copy, 2);
                break;
            case "more-than-held":
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(18), 60000);
                break;
            case "deadline-after-its-bucket":
                var deadline = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds();
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(26), (ushort)(deadline >> 32));
                BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(28), (uint)deadline);
                break;
            case "unknown-status":
                copy[0] = (byte)'x';
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such corruption.");
        }

        return copy;
    }
}
