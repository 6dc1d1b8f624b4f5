using Reservations.Application.Holds.List;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis.Scripts.Mine;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// A customer's holds, read from the index of holds by customer of every shard at once (mine.lua), merged newest first. Each shard answers
/// its newest matching holds, at most as many as asked for, so the merge's newest are the customer's newest.
/// </summary>
internal sealed class RedisHoldReadStore(IConnectionMultiplexer redis, RedisKeys keys) : IHoldReadStore
{
    private readonly MineScript _mine = new(keys);

    public async Task<CustomerHolds> ListAsync(
        CustomerId customer, HoldStatus? status, int newest, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var shards = await Task.WhenAll(Enumerable.Range(0, keys.Shards).Select(shard => _mine.RunAsync(db, shard, customer, status, newest)));
        var merged = shards.SelectMany(shard => shard.Newest)
            .OrderByDescending(hold => hold.CreatedAt)
            .ThenByDescending(hold => hold.Id.ToByteArray(bigEndian: true), ByteOrder.Instance)
            .Take(newest)
            .ToList();
        return new CustomerHolds(merged, shards.Sum(shard => shard.Matching));
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
