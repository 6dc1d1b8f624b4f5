using Reservations.Infrastructure.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class RedisKeysTests
{
    private const int Shards = 16;

    [Theory]
    [InlineData("x{y}")]
    [InlineData("a}b")]
    public void Constructor_WhenPrefixHoldsBraces_Throws(string prefix)
    {
        var create = () => new RedisKeys(prefix, 16);

        create.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ShardOf_WhenAskedByTwoInstances_GivesTheSameShard()
    {
        var (first, second) = (new RedisKeys("rsv", Shards), new RedisKeys("other", Shards));

        foreach (var id in RandomIds(1_000))
        {
            second.ShardOf(id).Should().Be(first.ShardOf(id));
        }
    }

    [Theory]
    [InlineData("0191a6f2-7c3e-7a10-8b2c-4d5e6f708192", 16, 3)]
    [InlineData("0191a6f2-7c3e-7a10-8b2c-4d5e6f708192", 1_000, 291)]
    [InlineData("00000000-0000-0000-0000-000000000000", 16, 5)]
    [InlineData("ffffffff-ffff-ffff-ffff-ffffffffffff", 16, 5)]
    public void ShardOf_WhenKnownId_GivesTheSameShardInEveryProcess(string id, int shards, int expected) =>
        new RedisKeys("rsv", shards).ShardOf(Guid.Parse(id)).Should().Be(expected);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(16_384)]
    public void ShardOf_WhenAnyId_StaysWithinTheShards(int shards)
    {
        var keys = new RedisKeys("rsv", shards);

        RandomIds(2_000).Select(keys.ShardOf).Should().OnlyContain(s => s >= 0 && s < shards);
    }

    [Fact]
    public void ShardOf_WhenManyRandomIds_SpreadsThemEvenly() => ShouldSpreadEvenly(RandomIds(10_000));

    [Fact]
    public void ShardOf_WhenManyVersion7Ids_SpreadsThemEvenly() =>
        ShouldSpreadEvenly([.. Enumerable.Range(0, 10_000).Select(_ => Guid.CreateVersion7())]);

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void StockAndCatalog_WhenShardGiven_CarryPrefixAndShardTag(int shard)
    {
        var keys = new RedisKeys("test-42", Shards);

        keys.Stock(shard).ToString().Should().Be($"test-42:{{s{shard}}}:stock");
        keys.Catalog(shard).ToString().Should().Be($"test-42:{{s{shard}}}:catalog");
    }

    [Fact]
    public void StockAndCatalog_WhenSameShard_ShareOneClusterSlot()
    {
        var keys = new RedisKeys("rsv", Shards);

        foreach (var shard in Enumerable.Range(0, Shards))
        {
            ClusterSlot.Of(keys.Catalog(shard).ToString()).Should().Be(ClusterSlot.Of(keys.Stock(shard).ToString()));
            ClusterSlot.Of(keys.Stock(shard).ToString()).Should().Be(ClusterSlot.Of($"s{shard}"));
        }
    }

    [Fact]
    public void Constructor_WhenNoShards_Throws()
    {
        var act = () => new RedisKeys("rsv", 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_WhenPrefixBlank_Throws(string prefix)
    {
        var act = () => new RedisKeys(prefix, Shards);

        act.Should().Throw<ArgumentException>();
    }

    private static void ShouldSpreadEvenly(Guid[] ids)
    {
        var keys = new RedisKeys("rsv", Shards);

        var counts = ids.GroupBy(keys.ShardOf).ToDictionary(g => g.Key, g => g.Count());

        counts.Keys.Should().BeEquivalentTo(Enumerable.Range(0, Shards));
        counts.Values.Should().OnlyContain(n => n >= 400 && n <= 850);
    }

    private static Guid[] RandomIds(int count)
    {
        var random = new Random(20_261_125);
        var bytes = new byte[16];
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            random.NextBytes(bytes);
            return new Guid(bytes);
        })];
    }
}
