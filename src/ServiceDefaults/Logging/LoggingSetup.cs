using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace Reservations.ServiceDefaults.Logging;

internal static class LoggingSetup
{
    public static IServiceCollection AddReservationsLogging(
        this IServiceCollection services, IConfiguration configuration, string serviceName) =>
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            .WriteToOtlpWhenConfigured(configuration, serviceName), preserveStaticLogger: true);
}
