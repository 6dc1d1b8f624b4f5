using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Builds every Redis key of the gate. All keys of a shard carry its hash tag <c>{sN}</c>, so each script's keys
/// share one cluster slot. User strings never appear in a key name: they are hashed first.
/// </summary>
public sealed class RedisKeys
{
    private readonly string _prefix;

    public RedisKeys(string prefix, int shards)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (prefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException("A key prefix with braces would become every key's hash tag.", nameof(prefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shards, ushort.MaxValue);
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

    /// <summary>A new time-ordered (version 7) hold id whose last two bytes name its shard, so a hold is found by id alone.</summary>
    public Guid NewHoldId(int shard)
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7().TryWriteBytes(bytes, bigEndian: true, out _);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[14..], (ushort)shard);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The shard a hold id names, or null for an id this gate did not issue.</summary>
    public int? ShardOfHold(Guid holdId)
    {
        Span<byte> bytes = stackalloc byte[16];
        holdId.TryWriteBytes(bytes, bigEndian: true, out _);
        int shard = BinaryPrimitives.ReadUInt16BigEndian(bytes[14..]);
        return holdId.Version == 7 && shard < Shards ? shard : null;
    }

    public RedisKey Stock(int shard) => Key(shard, "stock");

    public RedisKey Catalog(int shard) => Key(shard, "catalog");

    public RedisKey Holds(int shard) => Key(shard, "holds");

    public RedisKey Deadlines(int shard) => Key(shard, "deadlines");

    public RedisKey Tally(int shard) => Key(shard, "tally");

    public RedisKey Finished(int shard) => Key(shard, "finished");

    public RedisKey Purchases(int shard) => Key(shard, "purchases");

    public RedisKey DeadLetters(int shard) => Key(shard, "deadletters");

    /// <summary>The key whose expiry at the hold's deadline raises the keyspace event.</summary>
    public RedisKey HoldTtl(int shard, Guid holdId) => Key(shard, "t:" + Field(holdId));

    /// <summary>The hold whose TTL key this is (a keyspace event names only the key), or null for any other key.</summary>
    public Guid? HoldOfTtlKey(string key)
    {
        var marker = key.LastIndexOf(":t:", StringComparison.Ordinal);
        return key.StartsWith(_prefix + ":{s", StringComparison.Ordinal) && marker > 0
            && Guid.TryParseExact(key.AsSpan(marker + 3), "N", out var holdId) && ShardOfHold(holdId) is not null
            ? holdId
            : null;
    }

    /// <summary>
    /// The key of a customer's idempotency key. Both strings are length-prefixed and hashed, so customer "a:b" with
    /// key "c" and customer "a" with key "b:c" never meet, and no user byte reaches the key name.
    /// </summary>
    public RedisKey Idempotency(int shard, string customer, string idempotencyKey)
    {
        var input = Encoding.UTF8.GetBytes($"{customer.Length}:{customer}{idempotencyKey.Length}:{idempotencyKey}");
        return Key(shard, "idem:" + Convert.ToBase64String(SHA256.HashData(input)).TrimEnd('='));
    }

    /// <summary>
    /// Stands in for the idempotency key of a request that has none: the reserve script never touches it, and a key of
    /// the shard keeps every key of the call in one slot. Real ones are named <c>idem:&lt;digest&gt;</c>, never this.
    /// </summary>
    public RedisKey NoIdempotency(int shard) => Key(shard, "idem");

    /// <summary>Ids as they appear inside hashes and key names: 32 hex digits.</summary>
    public static string Field(Guid id) => id.ToString("N");

    private RedisKey Key(int shard, string name) => $"{_prefix}:{{s{shard}}}:{name}";
}
