using Reservations.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class RedisKeysSlotTests
{
    private const int Shards = 16;

    private static readonly RedisKeys Keys = new("rsv", Shards);

    private static readonly (string Customer, string Key)[] OddIdempotency =
    [
        ("alice", "k"), ("evil{s3}", "}{"), ("a:b", "c|d"), ("{", "}"), ("auth0|x:{y}", "{s0}:idem"), ("é{ü}", new string('k', 255)),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(15)]
    public void EveryKeyOfAShard_WhenUserStringsAreOdd_MapsToTheShardsOneSlot(int shard)
    {
        var slots = KeysOf(shard).Select(ClusterSlot.Of).Distinct();

        slots.Should().Equal(ClusterSlot.Of($"s{shard}"));
    }

    [Fact]
    public void IdempotencyClaims_WhenUserStringsAreOdd_MapToTheSlotOfTheShardTheyName() =>
        OddIdempotency.Select(o => Keys.IdempotencyClaim(o.Customer, o.Key).ToString()).Should().AllSatisfy(name =>
            ClusterSlot.Of(name).Should().Be(ClusterSlot.Of(name[(name.IndexOf('{', StringComparison.Ordinal) + 1)..name.IndexOf('}', StringComparison.Ordinal)])));

    [Fact]
    public void EveryShard_MapsToItsOwnSlot() =>
        Enumerable.Range(0, Shards).Select(s => ClusterSlot.Of(Keys.Stock(s).ToString())).Should().OnlyHaveUniqueItems();

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void FixedKeysOfAShard_AreDistinctNames(int shard) =>
        FixedKeysOf(shard).Select(k => k.ToString()).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(k => k.StartsWith($"rsv:{{s{shard}}}:", StringComparison.Ordinal));

    [Fact]
    public void ExpiryMarker_IsTheShortNameThenTheSecond() =>
        Keys.ExpiryMarker(3, 1_764_880_000).ToString().Should().Be("rsv:{s3}:m:1764880000");

    private static IEnumerable<RedisKey> KeysOf(int shard) =>
        FixedKeysOf(shard)
            .Append(Keys.ExpiryMarker(shard, 1_764_880_000))
            .Concat(OddIdempotency.Select(o => Keys.Idempotency(shard, o.Customer, o.Key)));

    private static RedisKey[] FixedKeysOf(int shard) =>
    [
        Keys.Stock(shard), Keys.Catalog(shard), Keys.Holds(shard), Keys.Due(shard),
        Keys.Tally(shard), Keys.Purchases(shard), Keys.DeadLetters(shard), Keys.DeadHolds(shard),
    ];
}
