using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using Reservations.ServiceDefaults.Telemetry;
using Serilog;

namespace Reservations.ServiceDefaults.Logging;

internal static class OtlpLogs
{
    // The sink lets this variable name the service over its resource attributes; the traces keep the host's name.
    private const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <summary>The OTEL_EXPORTER_OTLP_* variables are read through the configuration (the environment, or a test's settings).</summary>
    public static LoggerConfiguration WriteToOtlpWhenConfigured(
        this LoggerConfiguration logger, IConfiguration configuration, string serviceName) =>
        TelemetrySetup.ExportsOverOtlp(configuration)
            ? logger.WriteTo.OpenTelemetry(options =>
            {
                options.ResourceAttributes["service.name"] = serviceName;
                // The API traces its outgoing HTTP calls: the sink's own would be spans of whatever request logged.
                options.OnBeginSuppressInstrumentation = SuppressInstrumentationScope.Begin;
            }, name => name == ServiceNameVariable ? serviceName : configuration[name])
            : logger;
}
