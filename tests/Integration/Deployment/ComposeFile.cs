using System.Diagnostics;
using Reservations.IntegrationTests.Fixtures;
using YamlDotNet.Serialization;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>
/// The repository's docker-compose.yml as <c>docker-compose config</c> resolves it (variables interpolated, anchors
/// merged), from Debian's docker-compose package; no Docker engine is needed for that.
/// </summary>
public sealed class ComposeFile
{
    private readonly Dictionary<object, object> _services;

    private ComposeFile(Dictionary<object, object> services) => _services = services;

    public IReadOnlyCollection<string> ServiceNames => _services.Keys.Cast<string>().ToList();

    /// <summary>The services <c>docker compose up</c> starts when no profile is given: those without <c>profiles</c>.</summary>
    public IReadOnlyCollection<string> DefaultServiceNames => ServiceNames.Where(name => Profiles(name).Count == 0).ToList();

    /// <summary>
    /// Runs <c>docker-compose config</c> with exactly <paramref name="variables"/> (no .env is read) and the
    /// <paramref name="profiles"/> turned on.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> ConfigAsync(
        IReadOnlyDictionary<string, string> variables, params string[] profiles)
    {
        var emptyEnvFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("docker-compose")
            {
                ArgumentList = { "--env-file", emptyEnvFile, "-f", Path.Combine(Repository.Root, "docker-compose.yml") },
                WorkingDirectory = Repository.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var profile in profiles)
            {
                start.ArgumentList.Add("--profile");
                start.ArgumentList.Add(profile);
            }

            start.ArgumentList.Add("config");
            foreach (var name in start.Environment.Keys.Where(IsComposeVariable).ToList())
            {
                start.Environment.Remove(name);
            }

            foreach (var (name, value) in variables)
            {
                start.Environment[name] = value;
            }

            using var process = StartOrExplain(start);
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await output, await errors);
        }
        finally
        {
            File.Delete(emptyEnvFile);
        }
    }

    public static async Task<ComposeFile> LoadAsync(IReadOnlyDictionary<string, string> variables, params string[] profiles)
    {
        var (exitCode, output, errors) = await ConfigAsync(variables, profiles);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"docker-compose config failed ({exitCode}): {errors}");
        }

        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(output);
        return new ComposeFile((Dictionary<object, object>)document["services"]);
    }

    public Dictionary<object, object> Service(string name) => (Dictionary<object, object>)_services[name];

    /// <summary>The service's environment, as the container gets it.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service) =>
        Service(service).TryGetValue("environment", out var environment)
            ? ((Dictionary<object, object>)environment).ToDictionary(e => (string)e.Key, e => (string)e.Value)
            : new Dictionary<string, string>();

    public IReadOnlyList<string> Command(string service) =>
        Service(service).TryGetValue("command", out var command) ? ((List<object>)command).Cast<string>().ToList() : [];

    public IReadOnlyList<string> Profiles(string service) =>
        Service(service).TryGetValue("profiles", out var profiles) ? ((List<object>)profiles).Cast<string>().ToList() : [];

    /// <summary>The published ports as <c>docker-compose config</c> writes them: <c>host-ip:host-port:container-port/tcp</c>.</summary>
    public IReadOnlyList<string> Ports(string service) =>
        Service(service).TryGetValue("ports", out var ports) ? ((List<object>)ports).Cast<string>().ToList() : [];

    /// <summary>Each volume as source (a named volume, or the absolute path of a bind mount) and target.</summary>
    public IReadOnlyList<(string Source, string Target)> Volumes(string service) =>
        Service(service).TryGetValue("volumes", out var volumes)
            ? ((List<object>)volumes).Cast<string>().Select(v => v.Split(':')).Select(parts => (parts[0], parts[1])).ToList()
            : [];

    /// <summary>Each dependency with its condition (service_healthy, service_completed_successfully…).</summary>
    public IReadOnlyDictionary<string, string> DependsOn(string service) =>
        Service(service).TryGetValue("depends_on", out var dependencies)
            ? ((Dictionary<object, object>)dependencies).ToDictionary(
                d => (string)d.Key, d => (string)((Dictionary<object, object>)d.Value)["condition"])
            : new Dictionary<string, string>();

    private static bool IsComposeVariable(string name) =>
        name is "POSTGRES_PASSWORD"
        || name.StartsWith("RESERVATIONS_", StringComparison.Ordinal)
        || name.StartsWith("COMPOSE_", StringComparison.Ordinal);

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("docker-compose did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "The compose tests need docker-compose (Debian: apt-get install -y docker-compose); build/test.sh installs it.", e);
        }
    }
}
