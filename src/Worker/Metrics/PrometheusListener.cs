using OpenTelemetry.Metrics;
using Reservations.ServiceDefaults.Telemetry;

namespace Reservations.Worker.Metrics;

/// <summary>
/// The exporter parses its host as a URI's, which refuses the wildcard HttpListener takes for every interface (<c>*</c>,
/// as in a container): for it, the listener's prefixes are rewritten.
/// </summary>
public static class PrometheusListener
{
    public static MeterProviderBuilder AddWorkerPrometheusListener(this MeterProviderBuilder metrics, string host, int port) =>
        metrics.AddPrometheusHttpListener(listener =>
        {
            listener.Port = port;
            if (host is not ("*" or "+"))
            {
                listener.Host = host;
                return;
            }

            listener.ConfigureHttpListener = (_, http) =>
            {
                var paths = http.Prefixes.Select(prefix => new Uri(prefix).AbsolutePath).ToList();
                http.Prefixes.Clear();
                foreach (var path in paths)
                {
                    http.Prefixes.Add($"http://{host}:{port}{path}");
                }
            };
        });
}
