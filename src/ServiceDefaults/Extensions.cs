using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Reservations.ServiceDefaults.Configuration;
using Reservations.ServiceDefaults.Logging;
using Reservations.ServiceDefaults.Telemetry;

namespace Reservations.ServiceDefaults;

public static class Extensions
{
    /// <summary>The same logging, telemetry and start checks for every host; the host chains its own metrics on the builder returned.</summary>
    public static OpenTelemetryBuilder AddServiceDefaults(
        this IHostApplicationBuilder builder, string serviceName, Action<TracerProviderBuilder>? hostTracing = null)
    {
        builder.Services.AddOptions<MovedKeysCheck>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MovedKeysCheck>, MovedKeysValidator>();
        builder.Services.AddOptions<PrometheusOptions>()
            .BindConfiguration(PrometheusOptions.Section)
            .Validate(o => o.Port is null or (>= 1 and <= 65_535), "Prometheus:Port must be 1–65535.")
            .ValidateOnStart();
        builder.Services.AddReservationsLogging(builder.Configuration, serviceName);
        return builder.Services.AddReservationsTelemetry(builder.Configuration, serviceName, hostTracing);
    }
}
