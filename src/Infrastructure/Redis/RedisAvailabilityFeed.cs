using Microsoft.Extensions.Options;
using Reservations.Application.Products.LiveAvailability;
using Reservations.Infrastructure.Redis.Scripts.Feed;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>The availability feeds: one feed.lua call per shard (and per chunk of its products), all shards at once.</summary>
internal sealed class RedisAvailabilityFeed(IConnectionMultiplexer redis, RedisKeys keys, IOptions<LiveAvailabilityOptions> options)
    : IAvailabilityFeed
{
    // Products per call: keeps one call far below Redis's busy-script limit however many products are watched.
    private const int ChunkSize = 256;

    private readonly FeedScript _script = new(keys);

    public async Task<IReadOnlyList<FeedRead>> RunAsync(IReadOnlyList<FeedRequest> requests, CancellationToken cancellationToken)
    {
        var reads = new FeedRead[requests.Count];
        var calls = Enumerable.Range(0, requests.Count)
            .GroupBy(i => keys.ShardOf(requests[i].ProductId))
            .SelectMany(shard => shard.Chunk(ChunkSize).Select(chunk => RunAsync(shard.Key, chunk)));
        await Task.WhenAll(calls);
        return reads;

        async Task RunAsync(int shard, int[] indexes)
        {
            var shardReads = await _script.RunAsync(
                redis.GetDatabase(), shard, [.. indexes.Select(i => requests[i])], options.Value.Retention);
            for (var i = 0; i < indexes.Length; i++)
            {
                reads[indexes[i]] = shardReads[i];
            }
        }
    }
}
