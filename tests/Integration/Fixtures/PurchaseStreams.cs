using Microsoft.Extensions.DependencyInjection;
using Reservations.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Looks into a product's purchase stream: the queue between the gate and PostgreSQL.</summary>
public static class PurchaseStreams
{
    private const string Group = "persisters";

    /// <summary>Entries a Worker has read and not acknowledged.</summary>
    public static async Task<long> PendingPurchasesAsync(this ReservationsApiFactory api, Guid productId) =>
        (await api.Redis.StreamPendingAsync(StreamOf(api, productId), Group)).PendingMessageCount;

    /// <summary>The reservation ids of every purchase still in the stream, read by a Worker or not.</summary>
    public static async Task<HashSet<Guid>> WaitingPurchasesAsync(this ReservationsApiFactory api, Guid productId)
    {
        var shard = ShardOf(api, productId);
        var entries = await api.Redis.StreamRangeAsync(StreamOf(api, productId));
        return [.. entries.Select(e => RedisKeys.HoldOfField(shard, (byte[])e["hold"]!))];
    }

    private static RedisKey StreamOf(ReservationsApiFactory api, Guid productId) =>
        api.Services.GetRequiredService<RedisKeys>().Purchases(ShardOf(api, productId));

    private static int ShardOf(ReservationsApiFactory api, Guid productId) =>
        api.Services.GetRequiredService<RedisKeys>().ShardOf(productId);
}
