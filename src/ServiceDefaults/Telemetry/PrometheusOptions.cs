namespace Reservations.ServiceDefaults.Telemetry;

/// <summary>A port of its own for <c>/metrics</c> (not under <c>Metrics</c>: .NET's hosts read that section for their metric rules).</summary>
public sealed class PrometheusOptions
{
    public const string Section = "Prometheus";

    /// <summary>A port serving only <c>/metrics</c>. Unset: the API serves it on its public port, the Worker serves none.</summary>
    public int? Port { get; set; }

    /// <summary>The host name the metrics port binds to; <c>*</c> for every interface (in a container).</summary>
    public string Host { get; set; } = "localhost";
}
