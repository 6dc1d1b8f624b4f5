using System.Buffers.Binary;
using Reservations.Infrastructure.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class RedisProductIdsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(64)]
    public void NewProductId_WhenProductsShareASale_PutsThemInTheSaleShard(int shards)
    {
        var keys = new RedisKeys("rsv", shards);
        var ids = new RedisProductIds(keys);

        var drawn = Enumerable.Range(0, 50).Select(_ => ids.NewProductId("tour-2026", Now)).ToList();

        drawn.Select(keys.ShardOf).Should().AllBeEquivalentTo(keys.ShardOfSale("tour-2026"));
        drawn.Should().OnlyHaveUniqueItems().And.OnlyContain(id => id.Version == 7);
    }

    [Fact]
    public void NewProductId_WhenSalesDiffer_PutsEachInItsOwnShard()
    {
        var keys = new RedisKeys("rsv", 64);
        var ids = new RedisProductIds(keys);
        var sales = Enumerable.Range(0, 20).Select(i => $"sale-{i}").ToList();

        foreach (var sale in sales)
        {
            keys.ShardOf(ids.NewProductId(sale, Now)).Should().Be(keys.ShardOfSale(sale));
        }

        sales.Select(keys.ShardOfSale).Distinct().Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void NewProductId_WithoutSale_IsAVersion7IdOfTheInstant()
    {
        var id = new RedisProductIds(new RedisKeys("rsv", 16)).NewProductId(null, Now);

        id.Version.Should().Be(7);
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        ((long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16)).Should().Be(Now.ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData("a", 16, 12)]
    [InlineData("tour-2026", 64, 40)]
    public void ShardOfSale_WhenKnownSale_IsFnv1aOfItsUtf8Bytes(string saleId, int shards, int expected) =>
        new RedisKeys("rsv", shards).ShardOfSale(saleId).Should().Be(expected);

    [Fact]
    public void ShardOfSale_WhenAskedByTwoInstances_GivesTheSameShard() =>
        new RedisKeys("other", 64).ShardOfSale("tour-2026").Should().Be(new RedisKeys("rsv", 64).ShardOfSale("tour-2026"));
}
