using System.Text;
using Reservations.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class RedisKeysExpiryMarkerTests
{
    private const int Shards = 16;
    private const long Second = 1_764_880_000;

    private readonly RedisKeys _keys = new("rsv", Shards);

    [Fact]
    public void ShardOfExpiryMarker_WhenMarkerOfAnyShard_ReturnsItsShard()
    {
        foreach (var shard in Enumerable.Range(0, Shards))
        {
            _keys.ShardOfExpiryMarker(NameOf(_keys.ExpiryMarker(shard, Second))).Should().Be(shard);
        }
    }

    [Theory]
    [InlineData("other")]
    [InlineData("rs")]
    [InlineData("rsv2")]
    [InlineData("other:rsv")]
    public void ShardOfExpiryMarker_WhenMarkerOfAnotherPrefix_ReturnsNull(string prefix) =>
        _keys.ShardOfExpiryMarker(NameOf(new RedisKeys(prefix, Shards).ExpiryMarker(3, Second))).Should().BeNull();

    [Fact]
    public void ShardOfExpiryMarker_WhenNotAMarker_ReturnsNull()
    {
        RedisKey[] others =
        [
            _keys.Stock(3), _keys.Catalog(3), _keys.Holds(3), _keys.Due(3), _keys.Tally(3), _keys.Purchases(3),
            _keys.DeadLetters(3), _keys.Idempotency(3, "alice", "order-1"), "rsv:{s3}:b:1764880000",
            "rsv:{s3}:ended:490244",
        ];

        others.Select(k => _keys.ShardOfExpiryMarker(NameOf(k))).Should().OnlyContain(s => s == null);
    }

    [Theory]
    [InlineData("rsv:{s03}:m:1764880000")]
    [InlineData("rsv:{s+3}:m:1764880000")]
    [InlineData("rsv:{s 3}:m:1764880000")]
    [InlineData("rsv:{s}:m:1764880000")]
    [InlineData("rsv:{3}:m:1764880000")]
    [InlineData("rsv:{s3}:m:01764880000")]
    [InlineData("rsv:{s3}:m:+1764880000")]
    [InlineData("rsv:{s3}:m:")]
    [InlineData("rsv:{s3}:m:1764880000:")]
    [InlineData("rsv:{s3}:mm:1764880000")]
    [InlineData("xrsv:{s3}:m:1764880000")]
    [InlineData("rsv:{s16}:m:1764880000")]
    [InlineData("rsv:{s999}:m:1764880000")]
    [InlineData("")]
    public void ShardOfExpiryMarker_WhenTheNameIsNotExactlyAMarkers_ReturnsNull(string name) =>
        _keys.ShardOfExpiryMarker(Encoding.UTF8.GetBytes(name)).Should().BeNull();

    [Fact]
    public void ShardOfExpiryMarker_WhenTheBytesAreNotUtf8_ReturnsNull() =>
        _keys.ShardOfExpiryMarker([.. "rsv:{s3}:m:17648"u8, 0xFF, 0x80]).Should().BeNull();

    private static byte[] NameOf(RedisKey key) => (byte[])key!;
}
