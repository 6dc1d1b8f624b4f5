using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Reservations.Infrastructure.Telemetry;
using Reservations.WebApi.Auth;
using Reservations.WebApi.OpenApi;
using Reservations.WebApi.Problems;
using Serilog;

namespace Reservations.WebApi;

public static class DependencyInjection
{
    public const int MaxRequestBodyBytes = 16 * 1024;

    public static WebApplicationBuilder AddWebApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });

        builder.Services.Configure<JsonOptions>(options => ConfigureStrictJson(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddReservationsProblemDetails();
        builder.Services.AddJwtAuthentication();
        builder.Services.AddReservationsTelemetry(builder.Configuration, "reservations-api")
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddPrometheusExporter())
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
        });
        return builder;
    }

    /// <summary>
    /// Numbers must be numbers ("5", 1.5 or null for an integer are 400), a property may appear once,
    /// and a missing required property or a null where none is allowed is 400 rather than a silent default.
    /// </summary>
    private static void ConfigureStrictJson(System.Text.Json.JsonSerializerOptions json)
    {
        json.NumberHandling = JsonNumberHandling.Strict;
        json.AllowDuplicateProperties = false;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
    }
}
