using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Ports;
using Reservations.Infrastructure.Redis.Scripts;
using Reservations.Infrastructure.Redis.Scripts.DeadLetter;
using Reservations.Infrastructure.Redis.Scripts.Finalize;
using Reservations.Infrastructure.Redis.Scripts.Quarantine;
using Reservations.Infrastructure.Redis.Scripts.Retry;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

internal sealed partial class RedisPurchaseOutbox(
    IConnectionMultiplexer redis, RedisKeys keys, IOptions<RedisGateOptions> options, ILogger<RedisPurchaseOutbox> logger)
    : IPurchaseOutbox
{
    private const string Group = "persisters";
    private readonly QuarantineScript _quarantine = new(keys);
    private readonly FinalizeScript _finalize = new(keys);
    private readonly DeadLetterScript _deadLetter = new(keys);
    private readonly RetryScript _retry = new(keys);
    private readonly StreamGroupReader _reader = new(redis, Group, keys.Shards, options.Value.PendingReclaimAfter, (count, stream) =>
    {
        LogDeletedPending(logger, count, stream);
        ReservationsMetrics.RecordLostPurchases(count, stream);
    });

    private IDatabase Db => redis.GetDatabase();

    public int Shards => keys.Shards;

    public async Task<IReadOnlyList<PendingPurchase>> ReadAsync(int shard, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, keys.Shards);
        var stream = keys.Purchases(shard);
        return await ReadableAsync(shard, stream, await _reader.ReadAsync(shard, stream, max));
    }

    public async Task CompleteAsync(IReadOnlyList<PendingPurchase> purchases, CancellationToken cancellationToken)
    {
        if (purchases.Count == 0)
        {
            return;
        }

        var shard = keys.ShardOfHold(purchases[0].HoldId);
        if (purchases.Any(p => keys.ShardOfHold(p.HoldId) != shard))
        {
            throw new ArgumentException("Purchases completed together must come from one shard.", nameof(purchases));
        }

        await _finalize.RunAsync(Db, ShardOf(purchases[0]), purchases, Group);
    }

    public async Task<bool> DeadLetterAsync(PendingPurchase purchase, string reason, CancellationToken cancellationToken) =>
        await _deadLetter.RunAsync(Db, ShardOf(purchase), purchase, Group, reason);

    public Task<long> CountWaitingAsync(int shard, CancellationToken cancellationToken) =>
        Db.StreamLengthAsync(keys.Purchases(shard));

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, keys.Shards).Select(s => Db.StreamRangeAsync(keys.DeadLetters(s))));
        return [.. shards.SelectMany((entries, shard) =>
            entries.Select(e => new DeadLetter(Parse(shard, e), (string?)e[StreamFields.Reason] ?? string.Empty)))];
    }

    public async Task<bool> RetryDeadLetterAsync(Guid holdId, CancellationToken cancellationToken)
    {
        if (keys.ShardOfHold(holdId) is not { } shard)
        {
            return false;
        }

        var field = RedisKeys.HoldField(holdId);
        var entries = (await Db.StreamRangeAsync(keys.DeadLetters(shard)))
            .Where(e => ((byte[]?)e[StreamFields.Hold]).AsSpan().SequenceEqual(field))
            .ToArray();
        if (entries.Length == 0)
        {
            return false;
        }

        return await _retry.RunAsync(Db, shard, entries[0].Id);
    }

    private int ShardOf(PendingPurchase purchase) => keys.ShardOfHold(purchase.HoldId)
        ?? throw new InvalidOperationException($"Hold {purchase.HoldId} names no shard.");

    // An entry that cannot be read would stop its shard for good. It stays pending, and is read again with this
    // consumer's unfinished entries, until it was delivered MaxDeliveries times; then it is quarantined. The readable
    // entries read with it go on meanwhile.
    private async Task<IReadOnlyList<PendingPurchase>> ReadableAsync(int shard, RedisKey stream, StreamEntry[] entries)
    {
        var purchases = new List<PendingPurchase>(entries.Length);
        List<(RedisValue Id, string Problem)>? unreadable = null;
        foreach (var entry in entries)
        {
            try
            {
                purchases.Add(Parse(shard, entry));
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                (unreadable ??= []).Add((entry.Id, e.Message));
            }
        }

        if (unreadable is not null)
        {
            await QuarantineExhaustedAsync(shard, stream, unreadable);
        }

        return purchases;
    }

    private async Task QuarantineExhaustedAsync(int shard, RedisKey stream, List<(RedisValue Id, string Problem)> unreadable)
    {
        var deliveries = await DeliveriesAsync(stream, [.. unreadable.Select(u => u.Id)]);
        var name = stream.ToString();
        foreach (var ((id, problem), delivered) in unreadable.Zip(deliveries))
        {
            var entryId = id.ToString();
            if (delivered < options.Value.MaxDeliveries)
            {
                LogUnreadable(logger, name, entryId, delivered, options.Value.MaxDeliveries, problem);
                continue;
            }

            var reason = $"unreadable after {delivered} deliveries: {problem}";
            if (await _quarantine.RunAsync(Db, shard, stream, Group, id, reason))
            {
                LogQuarantined(logger, name, entryId, reason);
                ReservationsMetrics.Quarantined.Add(1);
            }
        }
    }

    public async Task<IReadOnlyList<(PendingPurchase Purchase, long Deliveries)>> ExhaustedAsync(
        int shard, IReadOnlyList<PendingPurchase> purchases, CancellationToken cancellationToken)
    {
        var deliveries = await DeliveriesAsync(keys.Purchases(shard), [.. purchases.Select(p => (RedisValue)p.EntryId)]);
        return [.. purchases.Zip(deliveries).Where(d => d.Second >= options.Value.MaxDeliveries)];
    }

    // How many times each entry was handed to this consumer's group (0 when it is no longer pending), one XPENDING of
    // one entry each: this runs only after a failure, and a range could hold other consumers' entries in between.
    private Task<long[]> DeliveriesAsync(RedisKey stream, RedisValue[] ids) =>
        Task.WhenAll(ids.Select(async id =>
            (await Db.StreamPendingMessagesAsync(stream, Group, 1, RedisValue.Null, id, id)) is [var pending]
                ? (long)pending.DeliveryCount
                : 0));

    private static PendingPurchase Parse(int shard, StreamEntry entry) => new(
        entry.Id!,
        RedisKeys.HoldOfField(shard, Field(entry, StreamFields.Hold)),
        (string)Field(entry, StreamFields.Customer)!,
        Lines(entry),
        HoldCodec.Time((string)Field(entry, StreamFields.At)!),
        OptionalTime(entry, StreamFields.Created),
        OptionalTime(entry, StreamFields.Deadline),
        entry[StreamFields.TraceParent] is { IsNull: false } traceParent ? (string?)traceParent : null);

    // A cart's entry repeats product, quantity and price once per line, in line order; a single product's has each once.
    private static PurchaseLine[] Lines(StreamEntry entry)
    {
        var products = Repeated(entry, StreamFields.Product);
        var quantities = Repeated(entry, StreamFields.Quantity);
        var prices = Repeated(entry, StreamFields.Price);
        if (products.Count == 0 || products.Count != quantities.Count || products.Count != prices.Count)
        {
            throw new FormatException(
                $"The entry has {products.Count} product, {quantities.Count} quantity and {prices.Count} price fields; one of each per line.");
        }

        return [.. products.Select((product, i) => new PurchaseLine(
            RedisKeys.ProductOfField((byte[])product! is { Length: 16 } bytes
                ? bytes
                : throw new FormatException("The product field is not a 16-byte id.")),
            (int)quantities[i],
            decimal.Parse((string)prices[i]!, CultureInfo.InvariantCulture)))];
    }

    private static List<RedisValue> Repeated(StreamEntry entry, string name) =>
        [.. entry.Values.Where(v => v.Name == name && !v.Value.IsNull).Select(v => v.Value)];

    // Entries written before the gate recorded the hold's times lack them.
    private static DateTimeOffset? OptionalTime(StreamEntry entry, string name) =>
        entry[name] is { IsNull: false } value ? HoldCodec.Time((string)value!) : null;

    private static RedisValue Field(StreamEntry entry, string name) =>
        entry[name] is { IsNull: false } value ? value : throw new FormatException($"The entry has no {name} field.");

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Purchase entry {EntryId} of {Stream} cannot be read (delivered {Delivered} of {MaxDeliveries} times before it is quarantined): {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string stream, string entryId, long delivered, int maxDeliveries, string problem);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Purchase entry {EntryId} of {Stream} moved to the shard's quarantine stream ({Reason}); its units stay purchasing until an operator settles them")]
    private static partial void LogQuarantined(ILogger logger, string stream, string entryId, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Count} pending purchases of {Stream} were deleted before they were persisted")]
    private static partial void LogDeletedPending(ILogger logger, int count, string stream);
}
