using System.Globalization;
using Reservations.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class RedisKeysIdempotencyTests
{
    private readonly RedisKeys _keys = new("rsv", 16);

    [Theory]
    [InlineData("a:b", "c", "a", "b:c")]
    [InlineData("a", "1:b", "a1", "b")]
    [InlineData("alice", "k", "bob", "k")]
    [InlineData("alice", "k1", "alice", "k2")]
    public void Idempotency_WhenCustomerOrKeyDiffers_GivesDifferentKeys(string customer1, string key1, string customer2, string key2) =>
        _keys.Idempotency(4, customer1, key1).Should().NotBe(_keys.Idempotency(4, customer2, key2));

    [Fact]
    public void Idempotency_WhenSameInputs_GivesTheSameKeyInEveryInstance() =>
        new RedisKeys("rsv", 16).Idempotency(4, "alice", "order-1").Should().Be(_keys.Idempotency(4, "alice", "order-1"));

    [Theory]
    [InlineData("evil{x}", "k")]
    [InlineData("alice", "secret{s9}")]
    [InlineData("mallory:idem", "key|part")]
    public void Idempotency_WhenUserStringsGiven_KeepsThemOutOfTheKeyName(string customer, string key)
    {
        var name = _keys.Idempotency(4, customer, key).ToString();

        name.Should().StartWith("rsv:{s4}:idem:");
        var tail = name["rsv:{s4}:idem:".Length..];
        tail.Should().MatchRegex("^[A-Za-z0-9+/]+$");
        foreach (var part in customer.Split('{', '}', ':', '|').Concat(key.Split('{', '}', ':', '|')).Where(p => p.Length > 1))
        {
            tail.Should().NotContain(part);
        }
    }

    [Theory]
    [InlineData("a:b", "c", "a", "b:c")]
    [InlineData("alice", "k", "bob", "k")]
    [InlineData("alice", "k1", "alice", "k2")]
    public void IdempotencyClaim_WhenCustomerOrKeyDiffers_GivesDifferentKeys(string customer1, string key1, string customer2, string key2) =>
        _keys.IdempotencyClaim(customer1, key1).Should().NotBe(_keys.IdempotencyClaim(customer2, key2));

    [Fact]
    public void IdempotencyClaim_WhenSameInputs_GivesTheSameKeyInEveryInstance() =>
        new RedisKeys("rsv", 16).IdempotencyClaim("alice", "order-1").Should().Be(_keys.IdempotencyClaim("alice", "order-1"));

    [Fact]
    public void IdempotencyClaims_SpreadOverEveryShard() =>
        Enumerable.Range(0, 500).Select(i => ShardOf(_keys.IdempotencyClaim("alice", $"order-{i}"))).Distinct()
            .Should().HaveCount(_keys.Shards);

    [Theory]
    [InlineData("evil{x}", "k")]
    [InlineData("alice", "secret{s9}")]
    [InlineData("mallory:claim", "key|part")]
    public void IdempotencyClaim_WhenUserStringsGiven_KeepsThemOutOfTheKeyName(string customer, string key)
    {
        var name = _keys.IdempotencyClaim(customer, key).ToString();

        name.Should().MatchRegex(@"^rsv:\{s[0-9]+\}:claim:[A-Za-z0-9+/]+$");
        var tail = name[(name.IndexOf(":claim:", StringComparison.Ordinal) + ":claim:".Length)..];
        foreach (var part in customer.Split('{', '}', ':', '|').Concat(key.Split('{', '}', ':', '|')).Where(p => p.Length > 1))
        {
            tail.Should().NotContain(part);
        }
    }

    private static int ShardOf(RedisKey key)
    {
        var name = key.ToString();
        var start = name.IndexOf("{s", StringComparison.Ordinal) + 2;
        return int.Parse(name[start..name.IndexOf('}', start)], CultureInfo.InvariantCulture);
    }
}
