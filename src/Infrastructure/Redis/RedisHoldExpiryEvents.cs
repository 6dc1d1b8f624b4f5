using System.Net;
using Microsoft.Extensions.Logging;
using Reservations.Application.Holds.Expire;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Keyspace notices of expiry markers (<c>__keyevent@db__:expired</c>), one marker per shard and second with holds due.
/// On one node the shared connection subscribes (StackExchange.Redis re-subscribes
/// after a drop); on a cluster notices are node-local, so a listener subscribes on every primary and follows the topology.
/// Notices sent while nobody listens are lost: the sweeper covers them.
/// </summary>
internal sealed partial class RedisHoldExpiryEvents(
    IConnectionMultiplexer redis, RedisAdminConnection admin, RedisKeys keys, ILogger<RedisHoldExpiryEvents> logger) : IHoldExpiryEvents
{
    private const string Setting = "notify-keyspace-events";
    private static readonly TimeSpan TopologyPoll = TimeSpan.FromSeconds(1);

    public async Task<bool> AreEnabledAsync(CancellationToken cancellationToken)
    {
        foreach (var server in admin.ConnectedNodes())
        {
            if (!Publishes(await FlagsAsync(server)))
            {
                return false;
            }
        }

        return true;
    }

    // Replicas too: a replica promoted by a failover must publish as soon as it is a primary.
    public async Task EnableAsync(CancellationToken cancellationToken)
    {
        foreach (var server in admin.ConnectedNodes())
        {
            var flags = await FlagsAsync(server);
            if (!Publishes(flags))
            {
                await server.ConfigSetAsync(Setting, flags + (flags.Contains('E', StringComparison.Ordinal) ? "x" : "Ex"));
            }
        }
    }

    public Task ListenAsync(Func<int, Task> onShardDue, CancellationToken cancellationToken)
    {
        var servers = ConnectedNodes().ToList();
        if (servers.Count == 0)
        {
            throw new InvalidOperationException("No Redis node is connected yet.");
        }

        Func<ChannelMessage, Task> onMessage = async message =>
        {
            if (keys.ShardOfExpiryMarker((byte[]?)message.Message) is { } shard)
            {
                await onShardDue(shard);
            }
        };
        return servers.Any(s => s.ServerType == ServerType.Cluster)
            ? ListenOnEveryPrimaryAsync(onMessage, cancellationToken)
            : ListenOnSharedConnectionAsync(onMessage, cancellationToken);
    }

    private async Task ListenOnSharedConnectionAsync(Func<ChannelMessage, Task> onMessage, CancellationToken cancellationToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(ExpiredChannel);
        queue.OnMessage(onMessage);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await queue.UnsubscribeAsync();
        }
    }

    private async Task ListenOnEveryPrimaryAsync(Func<ChannelMessage, Task> onMessage, CancellationToken cancellationToken)
    {
        var listeners = new Dictionary<EndPoint, NodeListener>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var primaries = await PrimariesAsync();
                foreach (var node in listeners.Keys.Where(node => !primaries.Contains(node)).ToList())
                {
                    await listeners[node].DisposeAsync();
                    listeners.Remove(node);
                    LogStopped(logger, node);
                }

                foreach (var node in primaries.Where(node => !listeners.ContainsKey(node)))
                {
                    try
                    {
                        listeners[node] = await NodeListener.StartAsync(redis.Configuration, node, ExpiredChannel, onMessage);
                        LogListening(logger, node);
                    }
                    catch (Exception e) when (e is RedisException or TimeoutException)
                    {
                        // A primary that just died is listed until the cluster marks it failed: try again next poll.
                        LogNodeUnreachable(logger, e, node);
                    }
                }

                await Task.Delay(TopologyPoll, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the listeners are closed below.
        }
        finally
        {
            foreach (var listener in listeners.Values)
            {
                await listener.DisposeAsync();
            }
        }
    }

    /// <summary>The primaries that own slots, as any reachable node of the cluster sees them now.</summary>
    private async Task<HashSet<EndPoint>> PrimariesAsync()
    {
        foreach (var server in admin.ConnectedNodes())
        {
            try
            {
                if (await server.ClusterNodesAsync() is { } cluster)
                {
                    return cluster.Nodes
                        .Where(n => !n.IsReplica && !n.IsFail && n.Slots.Count > 0 && n.EndPoint is not null)
                        .Select(n => n.EndPoint!)
                        .ToHashSet();
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // This node is going away; another one answers.
            }
        }

        throw new InvalidOperationException("No Redis Cluster node answered CLUSTER NODES.");
    }

    private RedisChannel ExpiredChannel => RedisChannel.Literal($"__keyevent@{redis.GetDatabase().Database}__:expired");

    // 'E' turns on keyevent notices; 'x' (or 'A', every class) includes expirations.
    private static bool Publishes(string flags) =>
        flags.Contains('E', StringComparison.Ordinal) && flags.IndexOfAny(['x', 'A']) >= 0;

    private static async Task<string> FlagsAsync(IServer server) =>
        (await server.ConfigGetAsync(Setting)).SingleOrDefault().Value ?? string.Empty;

    private IEnumerable<IServer> ConnectedNodes() => redis.GetServers().Where(s => s.IsConnected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening to key expirations on Redis primary {Node}")]
    private static partial void LogListening(ILogger logger, EndPoint node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not listen to key expirations on Redis primary {Node}; trying again")]
    private static partial void LogNodeUnreachable(ILogger logger, Exception exception, EndPoint node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped listening on {Node}: no longer a primary that owns slots")]
    private static partial void LogStopped(ILogger logger, EndPoint node);

    private sealed class NodeListener(ConnectionMultiplexer connection, ChannelMessageQueue queue) : IAsyncDisposable
    {
        // Without CLUSTER the client cannot discover the other nodes, so it treats this one as the only one and
        // subscribes there; a cluster-aware connection would pick a node by the channel name's hash slot instead.
        private static readonly CommandMap NodeOnly = CommandMap.Create(["CLUSTER"], available: false);

        public static async Task<NodeListener> StartAsync(
            string configuration, EndPoint node, RedisChannel channel, Func<ChannelMessage, Task> onMessage)
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.EndPoints.Clear();
            options.EndPoints.Add(node);
            options.CommandMap = NodeOnly;
            options.AbortOnConnectFail = false;
            var connection = await ConnectionMultiplexer.ConnectAsync(options);
            try
            {
                var queue = await connection.GetSubscriber().SubscribeAsync(channel);
                queue.OnMessage(onMessage);
                return new NodeListener(connection, queue);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await queue.UnsubscribeAsync();
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // The node is gone: there is nothing to unsubscribe from.
            }

            await connection.DisposeAsync();
        }
    }
}
