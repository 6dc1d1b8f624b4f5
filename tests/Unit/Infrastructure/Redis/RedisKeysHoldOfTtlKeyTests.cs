using System.Buffers.Binary;
using System.Text;
using Reservations.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class RedisKeysHoldOfTtlKeyTests
{
    private const int Shards = 16;

    private readonly RedisKeys _keys = new("rsv", Shards);

    [Fact]
    public void HoldOfTtlKey_WhenTtlKeyOfAnyShard_ReturnsItsHold()
    {
        foreach (var shard in Enumerable.Range(0, Shards))
        {
            var holdId = _keys.NewHoldId(shard);

            _keys.HoldOfTtlKey(NameOf(_keys.HoldTtl(shard, holdId))).Should().Be(holdId);
        }
    }

    [Fact]
    public void HoldOfTtlKey_WhenTheHoldsBytesAreNotUtf8_ReadsThemAsBytes()
    {
        // Invalid UTF-8 (0xff, a lone continuation, a surrogate), CR LF, NUL and the "}:t:" of the name itself.
        byte[] field = [0xFF, 0x80, (byte)'}', (byte)':', (byte)'t', (byte)':', 0x7E, 0xED, 0xA0, 0x80, 0x0D, 0x0A, 0x00, 0xC0];
        var holdId = Hold(field, shard: 5);
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(field)).Should().NotEqual(field, "the bytes do not survive a trip through text");

        RedisValue notice = NameOf(_keys.HoldTtl(5, holdId));

        _keys.HoldOfTtlKey((byte[]?)notice).Should().Be(holdId);
    }

    [Theory]
    [InlineData("other")]
    [InlineData("rs")]
    [InlineData("rsv2")]
    [InlineData("other:rsv")]
    public void HoldOfTtlKey_WhenTtlKeyOfAnotherPrefix_ReturnsNull(string prefix)
    {
        var holdId = _keys.NewHoldId(3);

        _keys.HoldOfTtlKey(NameOf(new RedisKeys(prefix, Shards).HoldTtl(3, holdId))).Should().BeNull();
    }

    [Fact]
    public void HoldOfTtlKey_WhenNotATtlKey_ReturnsNull()
    {
        RedisKey[] others =
        [
            _keys.Stock(3), _keys.Catalog(3), _keys.Holds(3), _keys.Deadlines(3), _keys.Tally(3), _keys.Finished(3),
            _keys.Purchases(3), _keys.DeadLetters(3), _keys.Idempotency(3, "alice", "order-1"),
        ];

        others.Select(k => _keys.HoldOfTtlKey(NameOf(k))).Should().OnlyContain(h => h == null);
    }

    [Theory]
    [InlineData("rsv:{s03}:t:")]
    [InlineData("rsv:{s+3}:t:")]
    [InlineData("rsv:{s 3}:t:")]
    [InlineData("rsv:{s}:t:")]
    [InlineData("rsv:{3}:t:")]
    [InlineData("rsv:{s3}:ttl:")]
    [InlineData("rsv:{s3}:t")]
    [InlineData("rsv:{s3}:t::")]
    [InlineData("xrsv:{s3}:t:")]
    public void HoldOfTtlKey_WhenTheNameIsNotExactlyATtlKeys_ReturnsNull(string name)
    {
        var field = RedisKeys.HoldField(_keys.NewHoldId(3));

        _keys.HoldOfTtlKey([.. Encoding.UTF8.GetBytes(name), .. field]).Should().BeNull();
    }

    [Theory]
    [InlineData(13)]
    [InlineData(15)]
    [InlineData(16)]
    public void HoldOfTtlKey_WhenTheFieldIsNot14Bytes_ReturnsNull(int length)
    {
        var bytes = _keys.NewHoldId(3).ToByteArray(bigEndian: true);

        _keys.HoldOfTtlKey([.. "rsv:{s3}:t:"u8, .. bytes[..length]]).Should().BeNull();
    }

    [Theory]
    [InlineData(Shards)]
    [InlineData(999)]
    public void HoldOfTtlKey_WhenTheKeyNamesAShardBeyondTheShards_ReturnsNull(int shard)
    {
        var wider = new RedisKeys("rsv", 1_000);

        _keys.HoldOfTtlKey(NameOf(wider.HoldTtl(shard, wider.NewHoldId(shard)))).Should().BeNull();
    }

    [Fact]
    public void HoldOfTtlKey_WhenHoldIdIsNotOneTheGateIssues_ReturnsNull() =>
        _keys.HoldOfTtlKey(NameOf(_keys.HoldTtl(0, Guid.NewGuid()))).Should().BeNull();

    [Fact]
    public void HoldOfTtlKey_WhenEmpty_ReturnsNull() => _keys.HoldOfTtlKey([]).Should().BeNull();

    private static byte[] NameOf(RedisKey key) => (byte[])key!;

    // The hold id of a shard whose first 14 bytes are these (a version 7 id when they say so).
    private static Guid Hold(byte[] field, int shard)
    {
        var bytes = new byte[16];
        field.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(14), (ushort)shard);
        var id = new Guid(bytes, bigEndian: true);
        id.Version.Should().Be(7);
        return id;
    }
}
