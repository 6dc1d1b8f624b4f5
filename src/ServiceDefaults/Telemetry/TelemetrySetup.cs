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

    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces (a span per Redis and PostgreSQL command) are on only where something receives them (<see cref="Traces"/>),
    /// and only inside a request or a Worker's unit of work (<see cref="NoLoneClientSpans"/>).
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
