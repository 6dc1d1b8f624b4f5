using System.Text.RegularExpressions;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>
/// The profile observability of docker-compose.yml: Prometheus scraping the API and the Workers, Grafana with the
/// Reservations dashboard. Checked without a Docker engine, against the files the services mount.
/// </summary>
public sealed class ObservabilityComposeTests
{
    private const string PrometheusConfig = "/etc/prometheus/prometheus.yml";
    private const string GrafanaProvisioning = "/etc/grafana/provisioning";
    private static readonly Dictionary<string, string> WithKey = new() { ["RESERVATIONS_SIGNING_KEY"] = "a-key-only-for-this-test-0123456789abcdef" };
    private static readonly string[] Services = ["prometheus", "grafana"];

    [Fact]
    public async Task Validates_WithTheObservabilityProfile()
    {
        var (exitCode, _, errors) = await ComposeFile.ConfigAsync(WithKey, ObservabilityFiles.Profile);

        exitCode.Should().Be(0, errors);
    }

    [Fact]
    public async Task StartsPrometheusAndGrafana_OnlyWithTheProfile_FromPinnedImages_OnLoopbackPorts()
    {
        var withProfile = await ComposeFile.LoadAsync(WithKey, ObservabilityFiles.Profile);
        var without = await ComposeFile.LoadAsync(WithKey);

        withProfile.DefaultServiceNames.Should().BeEquivalentTo(without.DefaultServiceNames).And.NotIntersectWith(Services);
        foreach (var service in Services)
        {
            withProfile.Profiles(service).Should().Equal([ObservabilityFiles.Profile], service);
            ((string)withProfile.Service(service)["image"]).Should().MatchRegex(@"^[a-z/]+:v?\d+\.\d+\.\d+$", "{0} is pinned", service);
            withProfile.Ports(service).Should().NotBeEmpty().And.OnlyContain(port => port.StartsWith("127.0.0.1:", StringComparison.Ordinal), service);
        }
    }

    [Fact]
    public async Task MountsOnlyFilesOfTheRepository_ThatExist()
    {
        var compose = await ComposeFile.LoadAsync(WithKey, ObservabilityFiles.Profile);

        var bindMounts = Services.SelectMany(compose.Volumes).Where(v => Path.IsPathRooted(v.Source)).ToList();

        bindMounts.Should().NotBeEmpty();
        foreach (var (source, target) in bindMounts)
        {
            Path.GetRelativePath(Repository.Root, source).Should().StartWith("deploy", target);
            (File.Exists(source) || Directory.Exists(source)).Should().BeTrue("{0} is mounted at {1}", source, target);
        }
    }

    [Fact]
    public async Task Prometheus_ScrapesTheApiOnItsPublicPort_AndEveryWorkerReplicaOnItsMetricsPort()
    {
        var compose = await ComposeFile.LoadAsync(WithKey, ObservabilityFiles.Profile);
        var config = ObservabilityFiles.Yaml(compose.MountedAt("prometheus", PrometheusConfig));

        var targets = ScrapeTargets(config);

        compose.Environment("api").Should().NotContainKey("Prometheus__Port", "the API serves /metrics on its public port");
        compose.Environment("worker")["Prometheus__Host"].Should().Be("*", "Prometheus scrapes from another container");
        targets.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["api"] = $"api:{ContainerPort(compose.Ports("api").Single())}",
            ["worker"] = $"worker:{compose.Environment("worker")["Prometheus__Port"]}",
        });
    }

    [Fact]
    public async Task Grafana_ProvisionsThePrometheusOfTheProfile_UnderTheUidEveryPanelNames()
    {
        var compose = await ComposeFile.LoadAsync(WithKey, ObservabilityFiles.Profile);
        var provisioning = compose.MountedAt("grafana", GrafanaProvisioning);

        var dataSource = ObservabilityFiles.Entries(Path.Combine(provisioning, "datasources"), "datasources").Should().ContainSingle().Subject;

        dataSource["type"].Should().Be("prometheus");
        new Uri((string)dataSource["url"]).Authority.Should().Be($"prometheus:{ContainerPort(compose.Ports("prometheus").Single())}");
        GrafanaDashboard.Panels().SelectMany(p => p.DataSourceUids).Should().NotBeEmpty().And.OnlyContain(uid => uid == (string)dataSource["uid"]);
    }

    [Fact]
    public async Task Grafana_LoadsTheDashboardFromTheDirectoryItMounts_AsTheHomeDashboard()
    {
        var compose = await ComposeFile.LoadAsync(WithKey, ObservabilityFiles.Profile);
        var provisioning = compose.MountedAt("grafana", GrafanaProvisioning);

        var provider = ObservabilityFiles.Entries(Path.Combine(provisioning, "dashboards"), "providers").Should().ContainSingle().Subject;
        var path = (string)((Dictionary<object, object>)provider["options"])["path"];

        compose.MountedAt("grafana", path).Should().Be(Path.GetDirectoryName(GrafanaDashboard.Path));
        compose.Environment("grafana")["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"].Should().Be($"{path}/{Path.GetFileName(GrafanaDashboard.Path)}");
    }

    [Fact]
    public async Task Grafana_LetsAnonymousVisitorsView_AndKeepsNoPassword()
    {
        var compose = await ComposeFile.LoadAsync(WithKey, ObservabilityFiles.Profile);

        var environment = compose.Environment("grafana");

        environment.Should().Contain("GF_AUTH_ANONYMOUS_ENABLED", "true").And.Contain("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer")
            .And.Contain("GF_SECURITY_DISABLE_INITIAL_ADMIN_CREATION", "true");
        environment.Keys.Should().NotContain(key => key.Contains("PASSWORD", StringComparison.Ordinal));
    }

    /// <summary>Each job's target: the static one, or the name and port its DNS discovery resolves.</summary>
    private static Dictionary<string, string> ScrapeTargets(Dictionary<object, object> config) =>
        ((List<object>)config["scrape_configs"]).Cast<Dictionary<object, object>>().ToDictionary(
            job => (string)job["job_name"],
            job =>
            {
                job["metrics_path"].Should().Be("/metrics");
                if (job.TryGetValue("static_configs", out var statics))
                {
                    return (string)((List<object>)((Dictionary<object, object>)((List<object>)statics).Single())["targets"]).Single();
                }

                var discovery = (Dictionary<object, object>)((List<object>)job["dns_sd_configs"]).Single();
                return $"{((List<object>)discovery["names"]).Single()}:{discovery["port"]}";
            });

    private static string ContainerPort(string published) => Regex.Match(published, @":(\d+)/tcp$").Groups[1].Value;
}
