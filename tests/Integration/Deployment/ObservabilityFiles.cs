using YamlDotNet.Serialization;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>The configuration files the profile observability mounts, read from where docker-compose.yml mounts them.</summary>
public static class ObservabilityFiles
{
    public const string Profile = "observability";

    /// <summary>The file or directory of the repository that <paramref name="service"/> sees at <paramref name="target"/>.</summary>
    public static string MountedAt(this ComposeFile compose, string service, string target) =>
        compose.Volumes(service).Single(v => v.Target == target).Source;

    public static Dictionary<object, object> Yaml(string path) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(path));

    /// <summary>Every mapping of the list <paramref name="key"/> of each YAML file in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<Dictionary<object, object>> Entries(string directory, string key) =>
        Directory.GetFiles(directory, "*.yml")
            .SelectMany(file => ((List<object>)Yaml(file)[key]).Cast<Dictionary<object, object>>())
            .ToList();
}
