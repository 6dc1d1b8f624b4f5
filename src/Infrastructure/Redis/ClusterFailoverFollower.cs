using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// After a cluster primary fails, StackExchange.Redis re-reads the topology at once (the dead node still owns its slots),
/// then only on a backoff towards <c>ConfigCheckSeconds</c>, while commands for those slots time out in the dead node's
/// backlog. So this reconfigures every <see cref="Interval"/> until connected primaries serve every slot again.
/// </summary>
internal static partial class ClusterFailoverFollower
{
    private const int ClusterSlots = 16_384;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // Past this the client's own configuration check (every 60 s by default) takes over.
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public static void Follow(ConnectionMultiplexer redis, ILogger logger)
    {
        var following = 0;
        redis.ConnectionFailed += (_, failed) =>
        {
            if (failed.ConnectionType == ConnectionType.Interactive
                && redis.GetServer(failed.EndPoint).ServerType == ServerType.Cluster
                && Interlocked.Exchange(ref following, 1) == 0)
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await ReconfigureUntilServedAsync(redis, logger);
                    }
                    finally
                    {
                        Volatile.Write(ref following, 0);
                    }
                });
            }
        };
    }

    private static async Task ReconfigureUntilServedAsync(ConnectionMultiplexer redis, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            await Task.Delay(Interval);
            var elapsed = Stopwatch.GetElapsedTime(started);
            try
            {
                await redis.ConfigureAsync();
                if (EverySlotHasAConnectedPrimary(redis))
                {
                    LogServedAgain(logger, elapsed);
                    return;
                }
            }
            catch (ObjectDisposedException)
            {
                // The host is stopping: nobody needs the cluster any more.
                return;
            }
            catch (Exception e) when (e is RedisException or ArgumentException)
            {
                // A node that cannot be asked yet, or one the client has not met: the next round asks again.
                LogCheckFailed(logger, e);
            }

            if (elapsed >= GiveUpAfter)
            {
                LogGaveUp(logger, elapsed);
                return;
            }
        }
    }

    // Slots are counted: a node marked failed drops out of the client's cluster configuration, slots and all.
    private static bool EverySlotHasAConnectedPrimary(ConnectionMultiplexer redis) =>
        redis.GetServers().FirstOrDefault(s => s.IsConnected)?.ClusterConfiguration is { } cluster
        && cluster.Nodes.Where(n => !n.IsReplica && redis.GetServer(n.EndPoint!).IsConnected)
            .Sum(n => n.Slots.Sum(range => range.To - range.From + 1)) == ClusterSlots;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Redis cluster: every slot has a connected primary again, {Elapsed} after a connection failed")]
    private static partial void LogServedAgain(ILogger logger, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis cluster: reading the topology after a connection failure failed; trying again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis cluster: slots still without a connected primary after {Elapsed}; left to the client's configuration check")]
    private static partial void LogGaveUp(ILogger logger, TimeSpan elapsed);
}
