using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace Reservations.ServiceDefaults.Logging;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog as the host's logger: sinks, levels and enrichers from the "Serilog" section and the services, the log
    /// context's properties, and OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (<see cref="OtlpLogs"/>).
    /// </summary>
    public static IServiceCollection AddReservationsLogging(
        this IServiceCollection services, IConfiguration configuration, string serviceName) =>
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            .WriteToOtlpWhenConfigured(configuration, serviceName), preserveStaticLogger: true);
}
