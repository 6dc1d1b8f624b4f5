using Reservations.Infrastructure.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class RedisGateOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1:6379", RedisGateOptions.SingleNodeShards)]
    [InlineData("redis:6379,password=secret,ssl=false", RedisGateOptions.SingleNodeShards)]
    [InlineData("10.0.0.1:7000,10.0.0.2:7000,10.0.0.3:7000", RedisGateOptions.ClusterShards)]
    [InlineData("node-1:6379,node-2:6379,abortConnect=false", RedisGateOptions.ClusterShards)]
    public void Shards_WhenNotSet_FollowHowManyNodesTheConnectionStringNames(string connectionString, int expected) =>
        new RedisGateOptions().ShardsFor(connectionString).Should().Be(expected);

    [Theory]
    [InlineData("127.0.0.1:6379")]
    [InlineData("10.0.0.1:7000,10.0.0.2:7000,10.0.0.3:7000")]
    public void Shards_WhenSet_AreTheSettingWhateverTheConnectionString(string connectionString) =>
        new RedisGateOptions { Shards = 32 }.ShardsFor(connectionString).Should().Be(32);

    [Fact]
    public void ClusterShards_SpreadOverEveryPrimaryOfAClusterCreatedWithThreePrimaries()
    {
        // redis-cli --cluster create gives three primaries the slots 0-5460, 5461-10922 and 10923-16383.
        var keys = new RedisKeys("rsv", RedisGateOptions.ClusterShards);

        var perPrimary = Enumerable.Range(0, keys.Shards)
            .GroupBy(shard => ClusterSlot.Of(keys.Stock(shard).ToString()) switch { <= 5460 => 0, <= 10922 => 1, _ => 2 })
            .Select(g => g.Count());

        perPrimary.Should().HaveCount(3).And.OnlyContain(count => count >= RedisGateOptions.ClusterShards / 6);
    }
}
