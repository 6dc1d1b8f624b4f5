namespace Reservations.IntegrationTests.Deployment;

/// <summary>docker-compose.yml validates and says what the deployment needs: checked without a Docker engine.</summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, string> WithKey = new() { ["RESERVATIONS_SIGNING_KEY"] = "a-key-only-for-this-test-0123456789abcdef" };

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

        compose.ServiceNames.Should().BeEquivalentTo(["postgres", "redis", "migrate", "api", "worker"]);
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
}
