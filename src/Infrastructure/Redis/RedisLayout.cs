using System.Globalization;
using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// The gate's layout version and shard count, recorded in Redis (<c>&lt;prefix&gt;:layout</c>) by the first process that
/// starts on it and checked by every process after, so that none reads keys of another layout or shard count.
/// </summary>
internal sealed partial class RedisLayout(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>2: expiry buckets and ended holds by the hour (docs/decisions/006). Version 1 recorded nothing.</summary>
    public const int Version = 2;

    /// <summary>Records the layout on a Redis without gate keys; throws <see cref="RedisLayoutMismatchException"/> when Redis holds another.</summary>
    public async Task VerifyAsync()
    {
        var db = redis.GetDatabase();
        var expected = Describe(Version, keys.Shards);
        var found = await db.StringGetAsync(keys.Layout);
        if (found.IsNull)
        {
            if (!await HasGateKeysAsync(db.Database))
            {
                await RecordAsync();
            }

            // This process's record, another's that recorded it and wrote keys since this one looked, or none at all.
            found = await db.StringGetAsync(keys.Layout);
        }

        if (found.IsNull)
        {
            throw new RedisLayoutMismatchException(
                $"Redis holds gate keys under '{keys.Prefix}:' but no layout record ({keys.Layout}): they are in the layout " +
                $"before version {Version}, which this build would misread. {Upgrade()}");
        }

        if (found != expected)
        {
            throw new RedisLayoutMismatchException(Recorded().Match(found.ToString()) is { Success: true } record
                && int.Parse(record.Groups[1].Value, CultureInfo.InvariantCulture) == Version
                    ? $"Redis holds the gate's keys under '{keys.Prefix}:' for {record.Groups[2].Value} shards, but this process " +
                      $"is configured for {keys.Shards}. Set Redis:Shards (environment: Redis__Shards) to " +
                      $"{record.Groups[2].Value} for every API and Worker: a deployment's shard count is fixed while its Redis data lives."
                    : $"Redis records the gate's layout under '{keys.Prefix}:' as '{found}', but this build reads " +
                      $"'{expected}'. {Upgrade()}");
        }
    }

    /// <summary>
    /// Records this build's layout unless a record exists: the Worker does so when it builds lost state again, since the
    /// data loss took the record too and the next process to start would otherwise find gate keys without one.
    /// </summary>
    public Task RecordAsync() =>
        redis.GetDatabase().StringSetAsync(keys.Layout, Describe(Version, keys.Shards), when: When.NotExists);

    public Task<bool> IsRecordedAsync() => redis.GetDatabase().KeyExistsAsync(keys.Layout);

    private static string Describe(int version, int shards) =>
        string.Create(CultureInfo.InvariantCulture, $"version={version} shards={shards}");

    private string Upgrade() =>
        "To upgrade: stop taking reservations, let every hold end and the Worker persist every purchase, delete the keys " +
        $"'{keys.Prefix}:*', then start the new Worker: its warm-up rebuilds every product's stock from PostgreSQL " +
        "(docs/decisions/006-lean-layout.md).";

    private async Task<bool> HasGateKeysAsync(int database)
    {
        var pattern = GlobSpecial().Replace(keys.Prefix, @"\$0") + ":*";
        foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(database, pattern, pageSize: 1000))
            {
                if (key != keys.Layout)
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"^version=(\d+) shards=(\d+)$")]
    private static partial Regex Recorded();

    [GeneratedRegex(@"[*?\[\]\\]")]
    private static partial Regex GlobSpecial();
}

/// <summary>Redis holds the gate's keys in another layout or for another shard count: this process must not start.</summary>
public sealed class RedisLayoutMismatchException(string message) : Exception(message);
