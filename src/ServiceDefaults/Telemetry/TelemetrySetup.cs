using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Tracing;

namespace Reservations.ServiceDefaults.Telemetry;

public static class TelemetrySetup
{
    /// <summary>Turns traces on without OTLP, for an exporter added in code (the tests' in-memory one).</summary>
    public const string TracingSetting = "Telemetry:Tracing";

    /// <summary>The standard variable that turns on the export of traces, metrics and logs over OTLP.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry for a host: the "Reservations" meter and .NET runtime metrics, sent over OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set. Traces, with a span per Redis command and per PostgreSQL command, are on only
    /// where something receives them (<see cref="Traces"/>), and only inside a request or a unit of work of the Worker
    /// (<see cref="NoLoneClientSpans"/>): <paramref name="hostTracing"/> adds the host's own sources.
    /// The host adds its own metrics instrumentation and its Prometheus endpoint.
    /// </summary>
    internal static OpenTelemetryBuilder AddReservationsTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<TracerProviderBuilder>? hostTracing = null)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics.AddMeter(ReservationsMetrics.MeterName).AddRuntimeInstrumentation());
        if (Traces(configuration))
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new NoLoneClientSpans()))
                    .AddSource(ReservationsTracing.SourceName)
                    .AddRedisInstrumentation()
                    .AddNpgsql();
                hostTracing?.Invoke(tracing);
            });
        }

        if (ExportsOverOtlp(configuration))
        {
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }

    internal static bool ExportsOverOtlp(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);

    private static bool Traces(IConfiguration configuration) =>
        ExportsOverOtlp(configuration) || configuration.GetValue<bool>(TracingSetting);
}
