using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>Builds every Redis key of the gate. All keys of a shard carry its hash tag <c>{sN}</c>.</summary>
public sealed class RedisKeys
{
    private readonly string _prefix;

    public RedisKeys(string prefix, int shards)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        _prefix = prefix;
        Shards = shards;
    }

    public int Shards { get; }

    /// <summary>A stable shard for a product: FNV-1a over the id's bytes, the same in every process and run.</summary>
    public int ShardOf(Guid productId)
    {
        Span<byte> bytes = stackalloc byte[16];
        productId.TryWriteBytes(bytes, bigEndian: true, out _);
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)Shards);
    }

    public RedisKey Available(int shard) => Key(shard, "avail");

    public RedisKey Catalog(int shard) => Key(shard, "catalog");

    private RedisKey Key(int shard, string name) => $"{_prefix}:{{s{shard}}}:{name}";
}
