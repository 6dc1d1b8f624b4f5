using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reservations.Application.Products.LiveAvailability;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Gate;

public sealed class AvailabilityFeedTests(UnthrottledApiFactory api) : AvailabilityFeedSuite(api), IClassFixture<UnthrottledApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class AvailabilityFeedOnClusterTests(UnthrottledClusterApiFactory api)
    : AvailabilityFeedSuite(api), IClassFixture<UnthrottledClusterApiFactory>;

/// <summary>feed.lua run by several instances at once, each on a Redis connection of its own, as N API processes do.</summary>
public abstract class AvailabilityFeedSuite(ReservationsApiFactory api)
{
    private const int Instances = 4;
    private const int Reserves = 40;
    private const int Stock = 1000;

    [Fact]
    public async Task InstancesRunningTheFeedConcurrently_WriteAtMostOneEntryPer200ms_AndReadTheSameEntries()
    {
        var product = await api.CreateProductAsync(Stock);
        var connections = await Task.WhenAll(Enumerable.Range(0, Instances).Select(_ => ConnectionMultiplexer.ConnectAsync(api.RedisConnectionString)));
        try
        {
            var feeds = connections.Select(c => new RedisAvailabilityFeed(c, api.Keys, Options.Create(new LiveAvailabilityOptions()))).ToList();
            var reserving = ReserveOneByOneAsync(product.Id);
            var seen = await Task.WhenAll(feeds.Select(feed => FollowAsync(feed, product.Id, Stock, reserving)));

            var written = await WrittenAsync(product.Id);
            written.Select(e => e.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            written.Zip(written.Skip(1)).Should().OnlyContain(pair => pair.Second.Id.Milliseconds - pair.First.Id.Milliseconds >= 200);
            written.Should().OnlyContain(e => e.Available + e.Held == Stock && e.Sold == 0);
            written[^1].Should().BeEquivalentTo(new { Available = Stock - Reserves, Held = Reserves });
            foreach (var instance in seen)
            {
                // Every instance read entries the feed has, in order, each once, up to the final figures.
                instance.Select(e => e.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
                instance.Should().BeSubsetOf(written);
                instance[^1].Should().Be(written[^1]);
            }

            (await api.Redis.KeyTimeToLiveAsync(api.Keys.Feed(product.Id))).Should().BeGreaterThan(TimeSpan.Zero);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AProductWithoutGateState_ReadsNothingAndGetsNoFeed()
    {
        var unknown = Guid.CreateVersion7();
        var feed = api.Services.GetRequiredService<IAvailabilityFeed>();

        var read = await feed.RunAsync([new FeedRequest(unknown, 10, null)], TestContext.Current.CancellationToken);

        read.Should().Equal(FeedRead.NoGateState);
        (await api.Redis.KeyExistsAsync(api.Keys.Feed(unknown))).Should().BeFalse();
    }

    [Fact]
    public async Task AFeedKeyThatIsNotAStream_IsReplaced_AndTheShardsOtherFeedsGoOn()
    {
        var corrupt = await api.CreateProductAsync(Stock);
        var healthy = await api.CreateProductAsync(Stock);
        await api.Redis.StringSetAsync(api.Keys.Feed(corrupt.Id), "not a stream");
        var feed = api.Services.GetRequiredService<IAvailabilityFeed>();

        var read = await feed.RunAsync(
            [new FeedRequest(corrupt.Id, Stock, null), new FeedRequest(healthy.Id, Stock, null)], TestContext.Current.CancellationToken);

        read.Select(r => r.Latest).Should().SatisfyRespectively(
            first => first.Should().BeEquivalentTo(new { ProductId = corrupt.Id, Available = Stock, Held = 0 }),
            second => second.Should().BeEquivalentTo(new { ProductId = healthy.Id, Available = Stock, Held = 0 }));
        (await api.Redis.KeyTypeAsync(api.Keys.Feed(corrupt.Id))).Should().Be(RedisType.Stream);
    }

    private async Task ReserveOneByOneAsync(Guid productId)
    {
        for (var i = 0; i < Reserves; i++)
        {
            await api.CreateClient(Tokens.Customer($"feed-{i}")).ReserveOkAsync(productId);
        }
    }

    // Runs the feed as an instance's ticks do (after the last entry it read) until the reserves are done and it has
    // read the final figures.
    private static async Task<List<AvailabilityEntry>> FollowAsync(RedisAvailabilityFeed feed, Guid productId, int stock, Task reserving)
    {
        var read = new List<AvailabilityEntry>();
        await Eventually.TrueAsync(async () =>
        {
            reserving.IsFaulted.Should().BeFalse();
            var after = read.Count == 0 ? (FeedId?)null : read[^1].Id;
            var feedRead = (await feed.RunAsync([new FeedRequest(productId, stock, after)], TestContext.Current.CancellationToken))[0];
            read.AddRange(after is null ? [feedRead.Latest!] : feedRead.After);
            return reserving.IsCompleted && read[^1].Available == stock - Reserves;
        }, TimeSpan.FromSeconds(30));

        await reserving;
        return read;
    }

    private async Task<List<AvailabilityEntry>> WrittenAsync(Guid productId)
    {
        var entries = await api.Redis.StreamRangeAsync(api.Keys.Feed(productId));
        return [.. entries.Select(e => new AvailabilityEntry(
            FeedId.Parse(e.Id!), productId, (int)e["available"], (int)e["held"], (int)e["sold"],
            DateTimeOffset.FromUnixTimeMilliseconds((long)e["at"])))];
    }
}
