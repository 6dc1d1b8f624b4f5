using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker.Health;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>docker-compose.yml validates and says what the deployment needs: checked without a Docker engine.</summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, string> WithKey = new() { ["RESERVATIONS_SIGNING_KEY"] = "a-key-only-for-this-test-0123456789abcdef" };
    private static readonly string[] ClusterNodes = [.. Enumerable.Range(1, 6).Select(i => $"redis-cluster-{i}")];

    [Fact]
    public async Task Validates_WithTheSigningKeyFromTheEnvironment()
    {
        var (exitCode, _, errors) = await ComposeFile.ConfigAsync(WithKey);

        exitCode.Should().Be(0, errors);
    }

    [Fact]
    public async Task RefusesToStart_WithoutASigningKey()
    {
        var (exitCode, _, errors) = await ComposeFile.ConfigAsync(new Dictionary<string, string>());

        exitCode.Should().NotBe(0);
        errors.Should().Contain("RESERVATIONS_SIGNING_KEY");
    }

    [Fact]
    public async Task StartsTheApiAndWorkers_OnlyAfterTheMigrationSucceededAndTheStoresAreHealthy()
    {
        var compose = await ComposeFile.LoadAsync(WithKey);

        compose.DefaultServiceNames.Should().BeEquivalentTo(["postgres", "redis", "migrate", "api", "worker"]);
        compose.Command("migrate").Should().Equal("migrate");
        compose.DependsOn("migrate").Should().Equal(new Dictionary<string, string> { ["postgres"] = "service_healthy" });
        foreach (var service in new[] { "api", "worker" })
        {
            compose.DependsOn(service).Should().Equal(new Dictionary<string, string>
            {
                ["migrate"] = "service_completed_successfully",
                ["redis"] = "service_healthy",
            }, service);
        }

        compose.Service("postgres").Should().ContainKey("healthcheck");
        compose.Service("redis").Should().ContainKey("healthcheck");
    }

    [Fact]
    public async Task ProbesTheWorker_ThroughItsOwnHealthCommandOnItsHealthPort()
    {
        var compose = await ComposeFile.LoadAsync(WithKey);

        compose.Environment("worker").Should().ContainKey("Worker__HealthPort");
        var healthcheck = (Dictionary<object, object>)compose.Service("worker")["healthcheck"];
        ((List<object>)healthcheck["test"]).Cast<string>().Should().Equal("CMD", "dotnet", "Reservations.Worker.dll", HealthProbe.Command);
    }

    [Fact]
    public async Task ConfiguresRedis_ForDurablePurchasesExpiryEventsAndNoEviction()
    {
        var compose = await ComposeFile.LoadAsync(WithKey);

        var command = string.Join(' ', compose.Command("redis"));
        command.Should().Contain("--appendonly yes").And.Contain("--appendfsync always")
            .And.Contain("--notify-keyspace-events Ex").And.Contain("--maxmemory-policy noeviction");
        compose.Service("redis")["volumes"].Should().NotBeNull("the AOF must outlive the container");
    }

    [Fact]
    public async Task ConfiguresEveryApplicationService_ThroughEnvironmentVariablesOnly()
    {
        var compose = await ComposeFile.LoadAsync(WithKey);

        compose.Environment("api")["Auth__SigningKey"].Should().Be(WithKey["RESERVATIONS_SIGNING_KEY"]);
        foreach (var service in new[] { "migrate", "api", "worker" })
        {
            compose.Environment(service).Should().ContainKeys("ConnectionStrings__Postgres", "ConnectionStrings__Redis");
            compose.Service(service).Should().NotContainKey("volumes", "the application containers keep no state");
        }
    }

    [Fact]
    public async Task PublishesTheApiOnHostPort5080OfTheLoopbackOnly_AndLeavesTheWorkerScalable()
    {
        var compose = await ComposeFile.LoadAsync(WithKey);

        ((List<object>)compose.Service("api")["ports"]).Should().Equal("127.0.0.1:5080:8080/tcp");
        // --scale worker=3 needs containers without a fixed name or host port.
        compose.Service("worker").Should().NotContainKey("container_name").And.NotContainKey("ports");
    }

    [Fact]
    public async Task StartsTheRedisCluster_OnlyWithTheClusterProfile()
    {
        var compose = await ComposeFile.LoadAsync(WithKey);

        foreach (var service in ClusterNodes.Append("redis-cluster-create"))
        {
            compose.Profiles(service).Should().Equal(["cluster"], service);
        }

        compose.DefaultServiceNames.Should().NotIntersectWith(ClusterNodes.Append("redis-cluster-create"));
        foreach (var service in compose.DefaultServiceNames)
        {
            compose.DependsOn(service).Keys.Should().NotIntersectWith(ClusterNodes, "{0} must start without the profile", service);
        }
    }

    [Fact]
    public async Task ConfiguresEveryClusterNode_ForClusterModeDurablePurchasesExpiryEventsAndNoEviction()
    {
        var compose = await ComposeFile.LoadAsync(WithKey);

        foreach (var node in ClusterNodes)
        {
            var command = string.Join(' ', compose.Command(node));
            command.Should().StartWith("redis-server ").And.Contain("--cluster-enabled yes")
                .And.Contain("--cluster-require-full-coverage no").And.Contain("--cluster-node-timeout 5000")
                .And.Contain("--appendonly yes").And.Contain("--appendfsync always")
                .And.Contain("--notify-keyspace-events Ex").And.Contain("--maxmemory-policy noeviction");
            compose.Service(node).Should().ContainKey("healthcheck");
        }

        // Each node keeps its AOF and its nodes.conf in a volume of its own.
        ClusterNodes.Select(node => ((List<object>)compose.Service(node)["volumes"]).Single()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task CreatesTheRedisCluster_OnceEveryNodeIsHealthy()
    {
        var compose = await ComposeFile.LoadAsync(WithKey);

        compose.DependsOn("redis-cluster-create").Should().Equal(ClusterNodes.ToDictionary(node => node, _ => "service_healthy"));
        compose.Environment("redis-cluster-create")["REDIS_CLUSTER_NODES"].Split(' ').Should().Equal(ClusterNodes);
        string.Join(' ', compose.Command("redis-cluster-create")).Should().Contain("redis-cli --cluster create")
            .And.Contain("--cluster-replicas 1 --cluster-yes");
        compose.Service("redis-cluster-create")["restart"].Should().Be("no");
    }

    [Fact]
    public async Task ConnectsMigrateApiAndWorker_ToTheConfiguredRedis_TheSingleNodeByDefault()
    {
        const string Documented = "# RESERVATIONS_REDIS=";
        var clusterNodes = File.ReadLines(Path.Combine(Repository.Root, ".env.example"))
            .Single(line => line.StartsWith(Documented, StringComparison.Ordinal))[Documented.Length..];
        var byDefault = await ComposeFile.LoadAsync(WithKey);
        var onTheCluster = await ComposeFile.LoadAsync(new Dictionary<string, string>(WithKey) { ["RESERVATIONS_REDIS"] = clusterNodes });

        clusterNodes.Split(',').Should().Equal(ClusterNodes.Select(node => $"{node}:6379"), "the .env.example names every node");
        foreach (var service in new[] { "migrate", "api", "worker" })
        {
            byDefault.Environment(service)["ConnectionStrings__Redis"].Should().Be("redis:6379", service);
            onTheCluster.Environment(service)["ConnectionStrings__Redis"].Should().Be(clusterNodes, service);
        }
    }
}
