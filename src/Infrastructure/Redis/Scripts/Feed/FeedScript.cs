using System.Globalization;
using Reservations.Application.Products.LiveAvailability;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Feed;

/// <summary>feed.lua: brings the availability feeds of products of one shard up to date and reads them.</summary>
internal sealed class FeedScript(RedisKeys keys)
{
    /// <summary>At most one entry per product this often, whichever instance runs the script: 5 events per second.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(200);

    /// <summary>An abandoned feed (no product watched, no change) vanishes after this long.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);

    private const int ValuesPerProduct = 3;
    private static readonly BatchScript Script = BatchScript.Load("feed");

    public async Task<FeedRead[]> RunAsync(IDatabase db, int shard, IReadOnlyList<FeedRequest> requests, TimeSpan retention)
    {
        var callKeys = new RedisKey[1 + requests.Count];
        var values = new RedisValue[4 + requests.Count * ValuesPerProduct];
        callKeys[0] = keys.Of(shard).Stock;
        values[0] = (long)MinimumGap.TotalMilliseconds;
        values[1] = (long)retention.TotalMilliseconds;
        values[2] = (long)TimeToLive.TotalMilliseconds;
        // Every entry a feed can retain: one per gap over the retention, plus what approximate trimming leaves.
        values[3] = (long)(retention / MinimumGap) + 200;
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            callKeys[1 + i] = keys.Feed(request.ProductId);
            var at = 4 + i * ValuesPerProduct;
            values[at] = RedisKeys.ProductField(request.ProductId);
            values[at + 1] = request.TotalStock;
            values[at + 2] = request.After?.ToString() ?? string.Empty;
        }

        var replies = (RedisResult[])(await Script.EvaluateAsync(db, callKeys, values))!;
        return [.. replies.Select((reply, i) => Parse(requests[i].ProductId, (RedisResult[])reply!))];
    }

    private static FeedRead Parse(Guid productId, RedisResult[] reply)
    {
        if ((int)reply[0] == 0)
        {
            return FeedRead.NoGateState;
        }

        var after = (RedisResult[])reply[3]!;
        return new FeedRead(
            FeedId.Parse((string)reply[1]!),
            Entry(productId, (RedisResult[])reply[2]!),
            [.. after.Select(entry => Entry(productId, (RedisResult[])entry!))]);
    }

    // An entry as XRANGE answers it: its id, then its fields and values in the order feed.lua writes them.
    private static AvailabilityEntry Entry(Guid productId, RedisResult[] entry)
    {
        var fields = (RedisResult[])entry[1]!;
        return new AvailabilityEntry(
            FeedId.Parse((string)entry[0]!),
            productId,
            Number(fields, 1),
            Number(fields, 3),
            Number(fields, 5),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)fields[7]!, CultureInfo.InvariantCulture)));
    }

    private static int Number(RedisResult[] fields, int at) => int.Parse((string)fields[at]!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
