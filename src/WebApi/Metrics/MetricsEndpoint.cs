using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Reservations.ServiceDefaults.Telemetry;

namespace Reservations.WebApi.Metrics;

/// <summary>
/// Prometheus text at <c>/metrics</c>, without a token. With <c>Prometheus:Port</c> it is served on that port
/// alone, which serves nothing else: the public port answers 404 for it. The port is the connection's, not the Host
/// header's (<c>RequireHost</c>), which the client writes.
/// </summary>
public static class MetricsEndpoint
{
    private const string Path = "/metrics";

    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services)
    {
        services.AddTransient<IStartupFilter, MetricsPortListener>();
        return services;
    }

    /// <summary>Answers 404 for <c>/metrics</c> off the metrics port, and for anything else on it.</summary>
    public static IApplicationBuilder UseMetricsPort(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<PrometheusOptions>>().Value.Port is not { } port)
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            if ((context.Connection.LocalPort == port) == context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(Path).DisableRateLimiting();
        return app;
    }

    /// <summary>
    /// Adds the metrics port to the addresses Kestrel listens on, once the host has filled them from its settings
    /// (<c>urls</c>, <c>ASPNETCORE_HTTP_PORTS</c>): an endpoint given in code (<c>Listen</c>) would replace those.
    /// </summary>
    private sealed class MetricsPortListener(IOptions<PrometheusOptions> options) : IStartupFilter
    {
        // What Kestrel listens on when nothing names an address.
        private const string KestrelDefault = "http://localhost:5000";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (options.Value.Port is { } port)
            {
                var addresses = app.ServerFeatures.GetRequiredFeature<IServerAddressesFeature>().Addresses;
                if (addresses.Count == 0)
                {
                    addresses.Add(KestrelDefault);
                }

                addresses.Add($"http://{options.Value.Host}:{port}");
            }

            next(app);
        };
    }
}
