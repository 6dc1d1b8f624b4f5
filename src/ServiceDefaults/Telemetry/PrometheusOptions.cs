namespace Reservations.ServiceDefaults.Telemetry;

/// <summary>
/// Where a host serves Prometheus metrics (<c>/metrics</c>) on a port of its own; the API and the Worker bind it alike.
/// Not the section <c>Metrics</c>: .NET's hosts read that one for their rules of which metrics are on.
/// </summary>
public sealed class PrometheusOptions
{
    public const string Section = "Prometheus";

    /// <summary>
    /// The port that serves <c>/metrics</c>, and nothing else. Unset: the API serves it on its public port with every
    /// route, the Worker serves none.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>The host name the metrics port binds to; <c>*</c> for every interface (in a container).</summary>
    public string Host { get; set; } = "localhost";
}
