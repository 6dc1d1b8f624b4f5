using Reservations.Infrastructure.Redis;

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

            _keys.HoldOfTtlKey(_keys.HoldTtl(shard, holdId).ToString()).Should().Be(holdId);
        }
    }

    [Theory]
    [InlineData("other")]
    [InlineData("rs")]
    [InlineData("rsv2")]
    [InlineData("other:rsv")]
    public void HoldOfTtlKey_WhenTtlKeyOfAnotherPrefix_ReturnsNull(string prefix)
    {
        var holdId = _keys.NewHoldId(3);

        _keys.HoldOfTtlKey(new RedisKeys(prefix, Shards).HoldTtl(3, holdId).ToString()).Should().BeNull();
    }

    [Fact]
    public void HoldOfTtlKey_WhenNotATtlKey_ReturnsNull()
    {
        string[] others =
        [
            .. new[]
            {
                _keys.Stock(3), _keys.Catalog(3), _keys.Holds(3), _keys.Deadlines(3), _keys.Tally(3), _keys.Finished(3),
                _keys.Purchases(3), _keys.DeadLetters(3), _keys.Idempotency(3, "alice", "order-1"),
            }.Select(k => k.ToString()),
        ];

        others.Select(_keys.HoldOfTtlKey).Should().OnlyContain(h => h == null);
    }

    // A version 7 id naming shard 0; the cases below are broken forms of it.
    private const string WellFormed = "0191a6f27c3e7a108b2c4d5e6f700000";

    [Fact]
    public void HoldOfTtlKey_WhenIdIsWellFormed_ReturnsIt() =>
        _keys.HoldOfTtlKey("rsv:{s0}:t:" + WellFormed).Should().Be(Guid.ParseExact(WellFormed, "N"));

    [Theory]
    [InlineData("")]
    [InlineData("0191a6f27c3e7a108b2c4d5e6f70000")]
    [InlineData("0191a6f27c3e7a108b2c4d5e6f7000000")]
    [InlineData("0191a6f27c3e7a108b2c4d5e6f70000g")]
    [InlineData("0191a6f2-7c3e-7a10-8b2c-4d5e6f700000")]
    [InlineData("{0191a6f27c3e7a108b2c4d5e6f700000}")]
    [InlineData("0191a6f27c3e7a108b2c4d5e6f700000:x")]
    public void HoldOfTtlKey_WhenIdIsNot32HexDigits_ReturnsNull(string id) =>
        _keys.HoldOfTtlKey("rsv:{s0}:t:" + id).Should().BeNull();

    [Theory]
    [InlineData(Shards)]
    [InlineData(999)]
    public void HoldOfTtlKey_WhenHoldIdNamesAShardBeyondTheShards_ReturnsNull(int shard)
    {
        var wider = new RedisKeys("rsv", 1_000);

        _keys.HoldOfTtlKey(wider.HoldTtl(shard, wider.NewHoldId(shard)).ToString()).Should().BeNull();
    }

    [Fact]
    public void HoldOfTtlKey_WhenHoldIdIsNotOneTheGateIssues_ReturnsNull() =>
        _keys.HoldOfTtlKey(_keys.HoldTtl(0, Guid.NewGuid()).ToString()).Should().BeNull();

    [Fact]
    public void HoldOfTtlKey_WhenEmpty_ReturnsNull() => _keys.HoldOfTtlKey(string.Empty).Should().BeNull();
}
