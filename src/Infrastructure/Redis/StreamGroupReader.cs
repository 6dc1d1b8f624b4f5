using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Reads one stream per shard through a consumer group, at least once: first the entries this consumer read and did
/// not acknowledge, then new ones, then entries another consumer left pending longer than <paramref name="reclaimAfter"/>
/// (XAUTOCLAIM: its consumer died or stalled), so what a dead process left does not wait for the stream to go quiet.
/// The group is created on first use, from the start of the stream, and again after Redis lost its data. Pending
/// entries deleted behind the group's back (only a trim does that) are acknowledged and reported to
/// <paramref name="deletedPending"/>, with the stream's name: nothing is left of them to read. One caller per shard at a time.
/// </summary>
internal sealed class StreamGroupReader(
    IConnectionMultiplexer redis, string group, int shards, TimeSpan reclaimAfter, Action<int, string> deletedPending)
{
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly bool[] _groupReady = new bool[shards];
    private readonly bool[] _mayHaveUnfinished = new bool[shards];

    private IDatabase Db => redis.GetDatabase();

    public async Task<StreamEntry[]> ReadAsync(int shard, RedisKey stream, int max)
    {
        try
        {
            await EnsureGroupAsync(shard, stream);
            if (_mayHaveUnfinished[shard])
            {
                // Id 0 reads this consumer's own pending entries: what it was given and has not acknowledged.
                var unfinished = await Db.StreamReadGroupAsync(stream, group, _consumer, "0-0", max);
                if (unfinished.Length > 0)
                {
                    return await WithoutDeletedAsync(stream, unfinished);
                }
            }

            // Entries may be handed out even when the reply is lost (a timeout): until a read proves otherwise, look at
            // this consumer's own pending entries first.
            _mayHaveUnfinished[shard] = true;
            var entries = await ReadNewOrAbandonedAsync(stream, max);
            _mayHaveUnfinished[shard] = entries.Length > 0;
            return entries;
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            // Redis lost its data (a restart without the append-only file): create the group again on the next read.
            _groupReady[shard] = false;
            throw;
        }
    }

    private async Task<StreamEntry[]> ReadNewOrAbandonedAsync(RedisKey stream, int count)
    {
        var fresh = await Db.StreamReadGroupAsync(stream, group, _consumer, StreamPosition.NewMessages, count);
        if (fresh.Length == count)
        {
            return fresh;
        }

        var claimed = await Db.StreamAutoClaimAsync(
            stream, group, _consumer, (long)reclaimAfter.TotalMilliseconds, "0-0", count - fresh.Length);
        if (claimed.DeletedIds.Length > 0)
        {
            deletedPending(claimed.DeletedIds.Length, stream.ToString());
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
            // From the start of the stream: what was written before any consumer ran is read too.
            await Db.StreamCreateConsumerGroupAsync(stream, group, "0", createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another process, or an earlier run, created it.
        }

        _groupReady[shard] = true;
    }

    private async Task<StreamEntry[]> WithoutDeletedAsync(RedisKey stream, StreamEntry[] entries)
    {
        var deleted = entries.Where(e => e.Values is not { Length: > 0 }).Select(e => e.Id).ToArray();
        if (deleted.Length == 0)
        {
            return entries;
        }

        deletedPending(deleted.Length, stream.ToString());
        await Db.StreamAcknowledgeAsync(stream, group, deleted);
        return [.. entries.Where(e => e.Values is { Length: > 0 })];
    }
}
