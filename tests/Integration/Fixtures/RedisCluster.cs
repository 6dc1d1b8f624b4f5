using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Products;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// The local Redis Cluster that build/services.sh up --cluster runs (RESERVATIONS_TEST_REDIS_CLUSTER, its data under
/// RESERVATIONS_TEST_REDIS_CLUSTER_DIR/&lt;port&gt;/). The cluster classes run one after another, in parallel with the
/// single-node classes, so the failover test can kill a primary without failing anyone else's requests.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class RedisCluster
{
    public const string Collection = "redis cluster";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("RESERVATIONS_TEST_REDIS_CLUSTER") is { Length: > 0 } nodes
            ? nodes
            : throw new InvalidOperationException(
                "The cluster tests need a Redis Cluster: run build/test.sh (it starts one with build/services.sh up " +
                "--cluster), or set RESERVATIONS_TEST_REDIS_CLUSTER to its nodes (and RESERVATIONS_TEST_REDIS_CLUSTER_DIR " +
                "to their data directories for the failover test).");

    /// <summary>A connection in admin mode, for the CLUSTER and INFO commands the services' own connections do not run.</summary>
    public static Task<ConnectionMultiplexer> ConnectAdminAsync() =>
        ConnectionMultiplexer.ConnectAsync($"{ConnectionString},allowAdmin=true");

    /// <summary>The primaries that own slots, as the cluster sees them now (<paramref name="redis"/> in admin mode).</summary>
    public static async Task<IReadOnlyList<ClusterNode>> PrimariesAsync(IConnectionMultiplexer redis)
    {
        foreach (var server in redis.GetServers().Where(s => s.IsConnected))
        {
            if (await server.ClusterNodesAsync() is { } nodes)
            {
                return nodes.Nodes.Where(n => !n.IsReplica && !n.IsFail && n.Slots.Count > 0).ToList();
            }
        }

        throw new InvalidOperationException("No cluster node answered CLUSTER NODES.");
    }

    /// <summary>Creates products until one lives on a shard of every primary: the product, and the primary of its shard.</summary>
    public static async Task<IReadOnlyList<(ProductResponse Product, ClusterNode Primary)>> ProductsOnEveryPrimaryAsync(
        ReservationsApiFactory api, int stock, int? holdSeconds = null)
    {
        await using var redis = await ConnectAdminAsync();
        var primaries = await PrimariesAsync(redis);
        var found = new Dictionary<string, (ProductResponse, ClusterNode)>();
        for (var attempt = 0; found.Count < primaries.Count; attempt++)
        {
            attempt.Should().BeLessThan(200, "products spread over every primary");
            var product = await api.CreateProductAsync(stock, maxPerCustomer: stock, holdSeconds: holdSeconds);
            var primary = OwnerOf(primaries, redis.HashSlot(api.Keys.Stock(api.Keys.ShardOf(product.Id))));
            found.TryAdd(primary.NodeId, (product, primary));
        }

        return [.. found.Values];
    }

    /// <summary>The primary that serves the hash slot.</summary>
    public static ClusterNode OwnerOf(IEnumerable<ClusterNode> primaries, int slot) =>
        primaries.Single(p => p.Slots.Any(range => range.From <= slot && slot <= range.To));

    /// <summary>SIGKILL to the node's redis-server (the pid in its data directory's pidfile).</summary>
    public static async Task KillAsync(EndPoint node)
    {
        var pid = int.Parse(
            (await File.ReadAllTextAsync(Path.Combine(NodeDirectory(node), "redis.pid"), TestContext.Current.CancellationToken)).Trim(),
            CultureInfo.InvariantCulture);
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
        }

        await Eventually.TrueAsync(() => Task.FromResult(!Directory.Exists($"/proc/{pid}")), TimeSpan.FromSeconds(10));
    }

    /// <summary>Starts the node again from its configuration; it rejoins the cluster (as a replica if it was failed over).</summary>
    public static async Task StartAsync(EndPoint node)
    {
        var config = Path.Combine(NodeDirectory(node), "redis.conf");
        using (var start = Process.Start(new ProcessStartInfo("redis-server", [config]) { RedirectStandardOutput = true })!)
        {
            await start.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Every node answers and sees every slot served (what build/services.sh waits for), and every replica has
    /// finished syncing: a replica still syncing (a killed primary just restarted) cannot be promoted. <paramref name="redis"/>
    /// in admin mode.
    /// </summary>
    public static async Task WaitUntilHealthyAsync(IConnectionMultiplexer redis, TimeSpan timeout) =>
        await Eventually.TrueAsync(async () =>
        {
            foreach (var server in redis.GetServers())
            {
                try
                {
                    var info = await server.ExecuteAsync("CLUSTER", "INFO");
                    if (!((string?)info ?? string.Empty).Contains("cluster_state:ok", StringComparison.Ordinal))
                    {
                        return false;
                    }

                    if (server.IsReplica && !((await server.InfoRawAsync("replication")) ?? string.Empty).Contains("master_link_status:up", StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
                catch (RedisException)
                {
                    return false;
                }
            }

            return (await PrimariesAsync(redis)).All(p => p.Children.Count > 0);
        }, timeout);

    private static string NodeDirectory(EndPoint node) =>
        Environment.GetEnvironmentVariable("RESERVATIONS_TEST_REDIS_CLUSTER_DIR") is { Length: > 0 } dir
            ? Path.Combine(dir, ((IPEndPoint)node).Port.ToString(CultureInfo.InvariantCulture))
            : throw new InvalidOperationException(
                "RESERVATIONS_TEST_REDIS_CLUSTER_DIR is not set: run the tests with build/test.sh, which starts the cluster itself.");
}
