using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Reservations.Application.Common.Metrics;

namespace Reservations.Infrastructure.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// OpenTelemetry for a host: the "Reservations" meter and .NET runtime metrics, sent over OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set. The host adds its own instrumentation and its Prometheus endpoint.
    /// </summary>
    public static OpenTelemetryBuilder AddReservationsTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics.AddMeter(ReservationsMetrics.MeterName).AddRuntimeInstrumentation());
        if (ExportsOverOtlp(configuration))
        {
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }

    public static bool ExportsOverOtlp(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
