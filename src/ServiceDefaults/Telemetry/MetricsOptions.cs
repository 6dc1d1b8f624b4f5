namespace Reservations.ServiceDefaults.Telemetry;

public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>A port serving only <c>/metrics</c>. Unset: the API serves it on its public port, the Worker serves none.</summary>
    public int? Port { get; set; }

    /// <summary>The host name the metrics port binds to; <c>*</c> for every interface (in a container).</summary>
    public string Host { get; set; } = "localhost";
}
