using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.DrainGateEvents;
using Reservations.Infrastructure.Redis.Scripts;
using Reservations.Infrastructure.Redis.Scripts.Quarantine;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

internal sealed partial class RedisGateEventOutbox(
    IConnectionMultiplexer redis, RedisKeys keys, IOptions<RedisGateOptions> options, ILogger<RedisGateEventOutbox> logger)
    : IGateEventOutbox
{
    private const string Group = "webhooks";

    private static readonly FrozenSet<string> GateTypes = FrozenSet.Create(
        WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldReleased, WebhookEventTypes.HoldExpired,
        WebhookEventTypes.HoldPurchased, WebhookEventTypes.OrderDeadLettered);

    private readonly QuarantineScript _quarantine = new(keys);
    private readonly StreamGroupReader _reader = new(
        redis, Group, keys.Shards, options.Value.PendingReclaimAfter, (count, stream) => LogDeletedPending(logger, count, stream));

    private IDatabase Db => redis.GetDatabase();

    public int Shards => keys.Shards;

    public async Task<IReadOnlyList<GateEvent>> ReadAsync(int shard, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, keys.Shards);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var stream = keys.Events(shard);
        return await ReadableAsync(shard, stream, await _reader.ReadAsync(shard, stream, max));
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
        var type = (string)Field(entry, StreamFields.Type)!;
        if (!GateTypes.Contains(type))
        {
            throw new FormatException($"'{type}' is not an event type of the gate.");
        }

        var holdId = RedisKeys.HoldOfField(shard, Field(entry, StreamFields.Hold));
        var hold = HoldCodec.Parse(holdId, (byte[])Field(entry, StreamFields.Value)!);
        var deadLetter = type == WebhookEventTypes.OrderDeadLettered
            ? new DeadLetteredPurchase(Time(entry, StreamFields.Purchased), (string)Field(entry, StreamFields.Reason)!)
            : null;
        return new GateEvent(outbox, entry.Id!, type, Time(entry, StreamFields.At), hold, deadLetter);
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
