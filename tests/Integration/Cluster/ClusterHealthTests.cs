using System.Net;
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
        await using var node = await ScratchRedis.StartAsync("--cluster-enabled", "yes");
        await using var notCreated = api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Redis", node.ConnectionString));
        var client = notCreated.CreateClient(token: null);
        HttpResponseMessage? response = null;

        // Until the API's connection is up, the check fails for another reason.
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
}
