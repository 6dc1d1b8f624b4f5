using System.Buffers.Binary;
using System.Globalization;
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
    public const int HoldFieldLength = 14;

    private readonly string _prefix;
    private readonly ShardKeys[] _shardKeys;

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
        _shardKeys = [.. Enumerable.Range(0, shards).Select(shard => new ShardKeys(
            Encoded(shard, "stock"), Encoded(shard, "catalog"), Encoded(shard, "holds"), Encoded(shard, "due"),
            Encoded(shard, "tally")))];
    }

    public int Shards { get; }

    public string Prefix => _prefix;

    /// <summary>The gate's layout version and shard count (<see cref="RedisLayout"/>): the one key without a shard.</summary>
    public RedisKey Layout => $"{_prefix}:layout";

    /// <summary>A stable shard for a product: FNV-1a over the id's bytes, the same in every process and run.</summary>
    public int ShardOf(Guid productId)
    {
        Span<byte> bytes = stackalloc byte[16];
        productId.TryWriteBytes(bytes, bigEndian: true, out _);
        return ShardOfHash(bytes);
    }

    /// <summary>The shard of a sale's products (see RedisProductIds): FNV-1a over the sale id's UTF-8 bytes.</summary>
    public int ShardOfSale(string saleId)
    {
        ArgumentException.ThrowIfNullOrEmpty(saleId);
        return ShardOfHash(Encoding.UTF8.GetBytes(saleId));
    }

    private int ShardOfHash(ReadOnlySpan<byte> bytes)
    {
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

    public ShardKeys Of(int shard) => _shardKeys[shard];

    public RedisKey Stock(int shard) => Key(shard, "stock");

    public RedisKey Catalog(int shard) => Key(shard, "catalog");

    public RedisKey Holds(int shard) => Key(shard, "holds");

    /// <summary>The shard's index of expiry buckets: a zset of the seconds that have one (docs/decisions/006).</summary>
    public RedisKey Due(int shard) => Key(shard, "due");

    public RedisKey Tally(int shard) => Key(shard, "tally");

    public RedisKey Purchases(int shard) => Key(shard, "purchases");

    public RedisKey DeadLetters(int shard) => Key(shard, "deadletters");

    /// <summary>The shard's dead-lettered holds: hold field → its dead-letter entry id (see deadletter.lua).</summary>
    public RedisKey DeadHolds(int shard) => Key(shard, "dead-holds");

    /// <summary>Set when the Worker built the shard's state from PostgreSQL; its absence means Redis lost the shard's data.</summary>
    public RedisKey StateMarker(int shard) => Key(shard, "built");

    /// <summary>Stream of entries the gate could not read (kept raw, with the reason), set aside so the rest go on.</summary>
    public RedisKey Quarantine(int shard) => Key(shard, "quarantine");

    /// <summary>
    /// The key whose expiry at <paramref name="second"/> (Unix seconds) raises the keyspace event that the shard's
    /// bucket of holds due by then is due: <c>m:</c> and the second. The scripts name it the same way.
    /// </summary>
    public RedisKey ExpiryMarker(int shard, long second) => Key(shard, MarkerName(second));

    /// <summary>The shard whose expiry marker this is (a keyspace event names only the key), or null for any other key.</summary>
    public int? ShardOfExpiryMarker(ReadOnlySpan<byte> key)
    {
        // Parsed, then built again and compared: only a name this gate builds counts (no "+3", "03" or other prefix).
        var name = Encoding.UTF8.GetString(key);
        var start = _prefix + ":{s";
        var tagEnd = name.IndexOf("}:m:", StringComparison.Ordinal);
        if (!name.StartsWith(start, StringComparison.Ordinal) || tagEnd < start.Length
            || !int.TryParse(name.AsSpan(start.Length..tagEnd), NumberStyles.None, CultureInfo.InvariantCulture, out var shard)
            || shard >= Shards
            || !long.TryParse(name.AsSpan((tagEnd + 4)..), NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            || name != Name(shard, MarkerName(second)))
        {
            return null;
        }

        return shard;
    }

    /// <summary>The event types the shard's scripts append to <see cref="Events"/>, comma-separated; none when missing.</summary>
    public RedisKey EventTypes(int shard) => Key(shard, "event-types");

    /// <summary>The shard's outbox of webhook events, written by the scripts in the same step as the change.</summary>
    public RedisKey Events(int shard) => Key(shard, "events");

    /// <summary>
    /// The product's availability feed: a stream of its figures whenever they changed, at most one entry per 200 ms
    /// (feed.lua, docs/decisions/011). In the product's shard, so the feed script reaches it with the stock hash.
    /// </summary>
    public RedisKey Feed(Guid productId) => Key(ShardOf(productId), "feed:" + productId.ToString("N"));

    /// <summary>The key that keeps what the gate did with a stock adjustment of a product in this shard.</summary>
    public RedisKey Adjustment(int shard, Guid adjustmentId) => Key(shard, "adj:" + adjustmentId.ToString("N"));

    /// <summary>
    /// The key of a customer's idempotency key. Both strings are length-prefixed and hashed, so customer "a:b" with
    /// key "c" and customer "a" with key "b:c" never meet, and no user byte reaches the key name.
    /// </summary>
    public RedisKey Idempotency(int shard, string customer, string idempotencyKey) =>
        Key(shard, "idem:" + HashName(IdempotencyHash(customer, idempotencyKey)));

    /// <summary>
    /// The key of a customer's idempotency key for extending one hold, in the hold's shard: hashed as
    /// <see cref="Idempotency"/> with the hold id, so it never meets a reserve's key or another hold's.
    /// </summary>
    public RedisKey ExtensionIdempotency(int shard, string customer, Guid holdId, string idempotencyKey) =>
        Key(shard, "ext:" + HashName(IdempotencyHash(customer, holdId.ToString("N") + idempotencyKey)));

    /// <summary>
    /// The shard's holds by customer made in <paramref name="hour"/> (Unix hours): a hash of <see cref="CustomerField"/>
    /// → the ids of the customer's holds, 14 bytes each, written by reserve.lua with each hold (lib.lua).
    /// </summary>
    public RedisKey CustomerHolds(int shard, long hour) => Key(shard, string.Create(CultureInfo.InvariantCulture, $"mine:{hour}"));

    /// <summary>
    /// A customer in the index of holds by customer: the first 12 bytes of the SHA-256 of the id, in base64 (printable,
    /// so the load tool can pass reserve.lua's arguments to redis-benchmark). A collision would only make the reader
    /// look at another customer's holds, which it skips, since every hold names its customer.
    /// </summary>
    public static byte[] CustomerField(string customer) =>
        Encoding.ASCII.GetBytes(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(customer)), 0, 12));

    /// <summary>
    /// The claim that binds a customer's idempotency key to one request, whatever product it is for: in the shard the
    /// key's own hash picks (the product's shard cannot be known from the key), hashed as <see cref="Idempotency"/>.
    /// </summary>
    public RedisKey IdempotencyClaim(string customer, string idempotencyKey)
    {
        var hash = IdempotencyHash(customer, idempotencyKey);
        return Key((int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % (uint)Shards), "claim:" + HashName(hash));
    }

    /// <summary>A product id inside Redis (catalog, stock and tally fields, hold values, purchases).</summary>
    public static byte[] ProductField(Guid productId) => productId.ToByteArray(bigEndian: true);

    public static Guid ProductOfField(ReadOnlySpan<byte> field) => new(field, bigEndian: true);

    /// <summary>A product's counter in its shard's stock hash: a available, h held, p purchasing, d dead-lettered.</summary>
    public static byte[] StockField(Guid productId, char counter) => [.. ProductField(productId), (byte)':', (byte)counter];

    /// <summary>
    /// A hold id as its shard's keys hold it (holds and ended field, expiry bucket element, purchase entry): its first
    /// 14 bytes, big-endian. The last two name the shard, which every key of the shard has in its hash tag.
    /// </summary>
    public static byte[] HoldField(Guid holdId) => holdId.ToByteArray(bigEndian: true)[..HoldFieldLength];

    public static Guid HoldOfField(int shard, ReadOnlySpan<byte> field)
    {
        if (field.Length != HoldFieldLength)
        {
            throw new FormatException($"A hold field has {HoldFieldLength} bytes, not {field.Length}.");
        }

        Span<byte> bytes = stackalloc byte[16];
        field.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[HoldFieldLength..], (ushort)shard);
        return new Guid(bytes, bigEndian: true);
    }

    private static byte[] IdempotencyHash(string customer, string idempotencyKey) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{customer.Length}:{customer}{idempotencyKey.Length}:{idempotencyKey}"));

    private static string HashName(byte[] hash) => Convert.ToBase64String(hash).TrimEnd('=');

    private static string MarkerName(long second) => string.Create(CultureInfo.InvariantCulture, $"m:{second}");

    private RedisKey Key(int shard, string name) => Name(shard, name);

    // A key as bytes: a RedisKey made of a string is encoded again on every call that sends it.
    private RedisKey Encoded(int shard, string name) => Encoding.UTF8.GetBytes(Name(shard, name));

    private string Name(int shard, string name) => $"{_prefix}:{{s{shard}}}:{name}";
}
