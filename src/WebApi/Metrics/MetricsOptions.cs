namespace Reservations.WebApi.Metrics;

/// <summary>Where the API serves Prometheus metrics (<c>/metrics</c>), under <c>Reservations:*</c> as the Worker's.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Reservations";

    /// <summary>The port that serves <c>/metrics</c>, and nothing else; unset: the public port serves it with every route.</summary>
    public int? MetricsPort { get; set; }

    /// <summary>The host name the metrics port binds to; <c>*</c> for every interface (in a container).</summary>
    public string MetricsHost { get; set; } = "localhost";
}
