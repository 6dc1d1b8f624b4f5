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
    /// <summary>
    /// What every host of the service sets up alike: Serilog (and its logs over OTLP) and OpenTelemetry, under
    /// <paramref name="serviceName"/>; the metrics port's options; a start refused while a moved key is still set
    /// (<see cref="MovedKeys"/>). <paramref name="hostTracing"/> adds the host's own trace sources; the host chains its
    /// own metrics on the builder returned.
    /// </summary>
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
