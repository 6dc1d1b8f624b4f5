using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Reservations.ServiceDefaults.Logging;
using Reservations.ServiceDefaults.Telemetry;

namespace Reservations.ServiceDefaults;

public static class Extensions
{
    /// <summary>
    /// What every host of the service sets up alike: Serilog (and its logs over OTLP) and OpenTelemetry, under
    /// <paramref name="serviceName"/>. <paramref name="hostTracing"/> adds the host's own trace sources; the host chains
    /// its own metrics on the builder returned.
    /// </summary>
    public static OpenTelemetryBuilder AddServiceDefaults(
        this IHostApplicationBuilder builder, string serviceName, Action<TracerProviderBuilder>? hostTracing = null)
    {
        builder.Services.AddReservationsLogging(builder.Configuration, serviceName);
        return builder.Services.AddReservationsTelemetry(builder.Configuration, serviceName, hostTracing);
    }
}
