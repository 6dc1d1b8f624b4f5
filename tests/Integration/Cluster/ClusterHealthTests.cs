using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Cluster;

/// <summary>Readiness on a cluster means every node answers and the cluster serves its slots, not just PING.</summary>
[Collection(RedisCluster.Collection)]
public sealed class ClusterHealthTests(ClusterApiFactory api) : IClassFixture<ClusterApiFactory>
{
    [Fact]
    public async Task HealthReady_OnAClusterServingEverySlot_Returns200()
    {
        var response = await api.CreateClient(token: null).GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task HealthReady_OnAClusterNodeThatServesNoSlot_Returns503NamingTheClusterState()
    {
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("rsv-cluster-node-");
        using var node = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", $"{port}", "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--save", "", "--appendonly", "no", "--dir", directory.FullName])
        {
            RedirectStandardOutput = true,
        })!;
        try
        {
            await using var notCreated = api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Redis", $"127.0.0.1:{port}"));
            var client = notCreated.CreateClient(token: null);
            HttpResponseMessage? response = null;

            // The node answers PING within moments of its start; until then the check fails for another reason.
            await Eventually.TrueAsync(async () =>
            {
                response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
                return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Contains("cluster_state", StringComparison.Ordinal);
            }, TimeSpan.FromSeconds(10));

            response!.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            var redis = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
                .RootElement.GetProperty("checks").GetProperty("redis");
            redis.GetProperty("status").GetString().Should().Be("Unhealthy");
        }
        finally
        {
            node.Kill();
            await node.WaitForExitAsync(TestContext.Current.CancellationToken);
            directory.Delete(recursive: true);
        }
    }

    // A cluster node refuses ports above 55535: its bus listens on the port + 10000, which must be free too.
    private static int FreePort() =>
        Enumerable.Range(0, 1000).Select(_ => Random.Shared.Next(20_000, 45_000)).First(port => IsFree(port) && IsFree(port + 10_000));

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
