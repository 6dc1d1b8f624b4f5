using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Ports;
using Reservations.Application.Webhooks;
using Reservations.Infrastructure.Redis.Scripts;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// The shards' event streams, which the gate's scripts append to, read through one consumer group. Entries pending
/// longer than the reclaim time (their consumer died or stalled) are taken over with XAUTOCLAIM by whichever Worker
/// reads next; entries this consumer read and did not acknowledge come back to it first.
/// </summary>
internal sealed partial class RedisGateEventOutbox(
    IConnectionMultiplexer redis, RedisKeys keys, IOptions<RedisGateOptions> options, ILogger<RedisGateEventOutbox> logger)
    : IGateEventOutbox
{
    private const string Group = "webhooks";

    private static readonly FrozenSet<string> GateTypes = FrozenSet.Create(
        WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldReleased, WebhookEventTypes.HoldExpired,
        WebhookEventTypes.HoldPurchased, WebhookEventTypes.OrderDeadLettered);

    private readonly QuarantineScript _quarantine = new(keys);
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly bool[] _groupReady = new bool[keys.Shards];
    private readonly bool[] _mayHaveUnfinished = new bool[keys.Shards];

    private IDatabase Db => redis.GetDatabase();

    public int Shards => keys.Shards;

    public async Task<IReadOnlyList<GateEvent>> ReadAsync(int shard, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, keys.Shards);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        try
        {
            return await ReadShardAsync(shard, keys.Events(shard), max);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            // Redis lost its data (a restart without the append-only file): create the group again on the next read.
            _groupReady[shard] = false;
            throw;
        }
    }

    public async Task AcknowledgeAsync(int shard, IReadOnlyList<GateEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        var stream = keys.Events(shard);
        if (events.Any(e => e.Outbox != stream.ToString()))
        {
            throw new ArgumentException($"Events acknowledged together must come from shard {shard}'s outbox.", nameof(events));
        }

        RedisValue[] ids = [.. events.Select(e => (RedisValue)e.EntryId)];
        var transaction = Db.CreateTransaction();
        var acknowledged = transaction.StreamAcknowledgeAsync(stream, Group, ids);
        var deleted = transaction.StreamDeleteAsync(stream, ids);
        await transaction.ExecuteAsync();
        await Task.WhenAll(acknowledged, deleted);
    }

    private async Task<IReadOnlyList<GateEvent>> ReadShardAsync(int shard, RedisKey stream, int max)
    {
        await EnsureGroupAsync(shard, stream);
        if (_mayHaveUnfinished[shard])
        {
            // Id 0 reads this consumer's own pending entries: what it was given and has not acknowledged.
            var unfinished = await Db.StreamReadGroupAsync(stream, Group, _consumer, "0-0", max);
            if (unfinished.Length > 0)
            {
                return await ReadableAsync(shard, stream, await WithoutDeletedAsync(stream, unfinished));
            }
        }

        // Entries may be handed out even when the reply is lost (a timeout): until a read proves otherwise, look at
        // this consumer's own pending entries first.
        _mayHaveUnfinished[shard] = true;
        var entries = await ReadNewOrAbandonedAsync(stream, max);
        _mayHaveUnfinished[shard] = entries.Length > 0;
        return await ReadableAsync(shard, stream, entries);
    }

    private async Task<StreamEntry[]> ReadNewOrAbandonedAsync(RedisKey stream, int count)
    {
        var fresh = await Db.StreamReadGroupAsync(stream, Group, _consumer, StreamPosition.NewMessages, count);
        if (fresh.Length == count)
        {
            return fresh;
        }

        var idleMs = (long)options.Value.PendingReclaimAfter.TotalMilliseconds;
        var claimed = await Db.StreamAutoClaimAsync(stream, Group, _consumer, idleMs, "0-0", count - fresh.Length);
        if (claimed.DeletedIds.Length > 0)
        {
            var name = stream.ToString();
            LogDeletedPending(logger, claimed.DeletedIds.Length, name);
        }

        return [.. fresh, .. claimed.ClaimedEntries];
    }

    private async Task EnsureGroupAsync(int shard, RedisKey stream)
    {
        if (_groupReady[shard])
        {
            return;
        }

        try
        {
            // From the start of the stream: events written before any Worker ran are delivered too.
            await Db.StreamCreateConsumerGroupAsync(stream, Group, "0", createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another Worker, or an earlier run, created it.
        }

        _groupReady[shard] = true;
    }

    // Only a trim behind the group's back deletes pending entries (they come back without fields; nothing here trims):
    // nothing is left to deliver of them, so they are acknowledged and stop coming back.
    private async Task<StreamEntry[]> WithoutDeletedAsync(RedisKey stream, StreamEntry[] entries)
    {
        var deleted = entries.Where(e => e.Values is not { Length: > 0 }).Select(e => e.Id).ToArray();
        if (deleted.Length == 0)
        {
            return entries;
        }

        var name = stream.ToString();
        LogDeletedPending(logger, deleted.Length, name);
        await Db.StreamAcknowledgeAsync(stream, Group, deleted);
        return [.. entries.Where(e => e.Values is { Length: > 0 })];
    }

    // What the scripts wrote cannot become readable later, so an entry that cannot be read is set aside at once, with
    // the reason: the entries read with it go on.
    private async Task<IReadOnlyList<GateEvent>> ReadableAsync(int shard, RedisKey stream, StreamEntry[] entries)
    {
        var events = new List<GateEvent>(entries.Length);
        var name = stream.ToString();
        foreach (var entry in entries)
        {
            try
            {
                events.Add(Parse(shard, name, entry));
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                var reason = $"unreadable: {e.Message}";
                if (await _quarantine.RunAsync(Db, shard, stream, Group, entry.Id, reason))
                {
                    LogQuarantined(logger, name, entry.Id.ToString(), reason);
                    ReservationsMetrics.GateEventsQuarantined.Add(1);
                }
            }
        }

        return events;
    }

    private static GateEvent Parse(int shard, string outbox, StreamEntry entry)
    {
        var type = (string)Field(entry, "type")!;
        if (!GateTypes.Contains(type))
        {
            throw new FormatException($"'{type}' is not an event type of the gate.");
        }

        var holdId = RedisKeys.HoldOfField(shard, Field(entry, "hold"));
        var hold = HoldCodec.Parse(holdId, (byte[])Field(entry, "value")!);
        var deadLetter = type == WebhookEventTypes.OrderDeadLettered
            ? new DeadLetteredOrder(Time(entry, "purchased"), (string)Field(entry, "reason")!)
            : null;
        return new GateEvent(outbox, entry.Id!, type, Time(entry, "at"), hold, deadLetter);
    }

    private static DateTimeOffset Time(StreamEntry entry, string name) => HoldCodec.Time((string)Field(entry, name)!);

    private static RedisValue Field(StreamEntry entry, string name) =>
        entry[name] is { IsNull: false } value ? value : throw new FormatException($"The entry has no {name} field.");

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Event entry {EntryId} of {Stream} moved to the shard's quarantine stream ({Reason}); its webhook is not sent")]
    private static partial void LogQuarantined(ILogger logger, string stream, string entryId, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Count} pending events of {Stream} were deleted before they were delivered")]
    private static partial void LogDeletedPending(ILogger logger, int count, string stream);
}
