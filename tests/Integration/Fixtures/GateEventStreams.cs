using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Webhooks;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Turns the gate's webhook events on and off and reads what its scripts appended to the shards' event streams.</summary>
public static class GateEventStreams
{
    /// <summary>Lists exactly these event types in every shard's event-types key (none: deletes it).</summary>
    public static async Task SwitchEventsAsync(this ReservationsApiFactory api, params string[] types)
    {
        await Task.WhenAll(Enumerable.Range(0, api.Keys.Shards).Select(shard => api.Redis.KeyDeleteAsync(api.Keys.EventTypes(shard))));
        if (types.Length > 0)
        {
            await api.Services.GetRequiredService<IGateEventSwitch>().AddAsync(types.ToHashSet(), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The event types a shard's switch lists ("generation|types").</summary>
    public static async Task<IReadOnlyList<string>> SwitchedTypesAsync(this ReservationsApiFactory api, int shard)
    {
        var value = (await api.Redis.StringGetAsync(api.Keys.EventTypes(shard))).ToString();
        return value[(value.IndexOf('|', StringComparison.Ordinal) + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The entries about this product in its shard's event stream, oldest first, the hold decoded as the API does.</summary>
    public static async Task<IReadOnlyList<GateEventEntry>> EventsOfAsync(this ReservationsApiFactory api, Guid productId)
    {
        var shard = api.Keys.ShardOf(productId);
        var entries = await api.Redis.StreamRangeAsync(api.Keys.Events(shard));
        return [.. entries.Select(e => GateEventEntry.Parse(shard, e)).Where(e => e.Hold.Lines.Any(line => line.ProductId == productId))];
    }
}

/// <summary>One entry of a shard's event stream as the scripts wrote it.</summary>
public sealed record GateEventEntry(string Type, Hold Hold, DateTimeOffset At, StreamEntry Raw)
{
    public static GateEventEntry Parse(int shard, StreamEntry entry)
    {
        var holdId = RedisKeys.HoldOfField(shard, entry["hold"]);
        return new GateEventEntry(
            (string)entry["type"]!, HoldCodec.Parse(holdId, (byte[])entry["value"]!), HoldCodec.Time((string)entry["at"]!), entry);
    }
}
