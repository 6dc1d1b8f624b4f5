using System.Buffers.Binary;
using Reservations.Infrastructure.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class RedisKeysHoldIdTests
{
    private const int Shards = 16;

    private readonly RedisKeys _keys = new("rsv", Shards);

    [Fact]
    public void NewHoldId_ForEveryShard_IsAVersion7IdThatNamesItsShard()
    {
        foreach (var shard in Enumerable.Range(0, Shards))
        {
            var id = _keys.NewHoldId(shard);

            id.Version.Should().Be(7);
            (id.Variant & 0b1100).Should().Be(0b1000, "an RFC 9562 id keeps its variant bits");
            _keys.ShardOfHold(id).Should().Be(shard);
        }
    }

    [Fact]
    public void NewHoldId_WhenManyShards_NamesTheHighestShard()
    {
        var keys = new RedisKeys("rsv", 1_000);

        keys.ShardOfHold(keys.NewHoldId(999)).Should().Be(999);
    }

    [Fact]
    public void NewHoldId_WhenCalledManyTimes_NeverRepeats() =>
        Enumerable.Range(0, 10_000).Select(i => _keys.NewHoldId(i % Shards)).Should().OnlyHaveUniqueItems();

    [Theory]
    [InlineData(0)]
    [InlineData(Shards - 1)]
    public void ShardOfHold_WhenVersion4IdEndsInAValidShard_ReturnsNull(int shard)
    {
        var id = Naming(Guid.NewGuid(), shard);

        id.Version.Should().Be(4);
        _keys.ShardOfHold(id).Should().BeNull();
    }

    [Theory]
    [InlineData(Shards)]
    [InlineData(ushort.MaxValue)]
    public void ShardOfHold_WhenVersion7IdNamesAShardBeyondTheShards_ReturnsNull(int shard) =>
        _keys.ShardOfHold(Naming(Guid.CreateVersion7(), shard)).Should().BeNull();

    [Fact]
    public void ShardOfHold_WhenVersion7IdNamesTheLastShard_ReturnsIt() =>
        _keys.ShardOfHold(Naming(Guid.CreateVersion7(), Shards - 1)).Should().Be(Shards - 1);

    [Fact]
    public void HoldField_IsTheIdsFirst14BytesAndComesBackWithTheShard()
    {
        foreach (var shard in new[] { 0, 7, Shards - 1 })
        {
            var id = _keys.NewHoldId(shard);

            var field = RedisKeys.HoldField(id);

            field.Should().Equal(id.ToByteArray(bigEndian: true)[..14]);
            RedisKeys.HoldOfField(shard, field).Should().Be(id);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(16)]
    public void HoldOfField_WhenNot14Bytes_Throws(int length)
    {
        var act = () => RedisKeys.HoldOfField(0, new byte[length]);

        act.Should().Throw<FormatException>();
    }

    // Overwrites the id's last two bytes, where hold ids name their shard.
    private static Guid Naming(Guid id, int shard)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[14..], (ushort)shard);
        return new Guid(bytes, bigEndian: true);
    }
}
