using Reservations.Application.Reservations.List;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// A customer's holds, read from the index of holds by customer of every shard at once (mine.lua), merged newest first. Each shard answers
/// its newest matching holds, at most as many as asked for, so the merge's newest are the customer's newest.
/// </summary>
internal sealed class RedisHoldReadStore(IConnectionMultiplexer redis, RedisKeys keys) : IHoldReadStore
{
    public async Task<CustomerHolds> ListAsync(
        CustomerId customer, HoldStatus? status, int newest, CancellationToken cancellationToken)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, keys.Shards).Select(shard => ReadShardAsync(shard, customer, status, newest)));
        var merged = shards.SelectMany(shard => shard.Holds)
            .OrderByDescending(hold => hold.CreatedAt)
            .ThenByDescending(hold => hold.Id.ToByteArray(bigEndian: true), ByteOrder.Instance)
            .Take(newest)
            .ToList();
        return new CustomerHolds(merged, shards.Sum(shard => shard.Matching));
    }

    private async Task<(int Matching, List<Hold> Holds)> ReadShardAsync(
        int shard, CustomerId customer, HoldStatus? status, int newest)
    {
        var arguments = GateArguments.ForShard(keys, shard) with
        {
            Customer = customer.Value,
            CustomerField = RedisKeys.CustomerField(customer.Value),
            Status = status is { } s ? (RedisValue)new[] { HoldCodec.CodeOf(s) } : RedisValue.EmptyString,
            Batch = newest,
        };
        var reply = (RedisResult[])(await GateScripts.Mine.RunAsync(redis.GetDatabase(), arguments))!;
        var found = (RedisResult[])reply[1]!;
        var now = HoldCodec.Time((string)reply[2]!);
        var holds = new List<Hold>(found.Length / 2);
        for (var i = 0; i < found.Length; i += 2)
        {
            var hold = HoldCodec.Parse(RedisKeys.HoldOfField(shard, (byte[])found[i]!), (byte[])found[i + 1]!);
            holds.Add(hold with { Status = hold.StatusAt(now) });
        }

        return ((int)reply[0], holds);
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
