using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Reservations.Application.Payments;
using Reservations.ServiceDefaults;
using Reservations.WebApi.Auth;
using Reservations.WebApi.Json;
using Reservations.WebApi.LiveAvailability;
using Reservations.WebApi.Metrics;
using Reservations.WebApi.OpenApi;
using Reservations.WebApi.Payments;
using Reservations.WebApi.Problems;
using Reservations.WebApi.Protection;

namespace Reservations.WebApi;

public static class DependencyInjection
{
    public const int MaxRequestBodyBytes = 16 * 1024;
    public const int MaxRequestHeadersBytes = 16 * 1024;

    public static WebApplicationBuilder AddWebApi(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults("reservations-api",
                tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddPrometheusExporter());
        builder.Services.AddOptions<PaymentsOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PaymentsOptions>, PaymentsOptionsValidator>();
        builder.Services.AddOptions<RequestLogOptions>()
            .BindConfiguration(RequestLogOptions.Section)
            .Validate(o => o.SlowRequestThreshold > TimeSpan.Zero, "RequestLogging:SlowRequestThreshold must be positive.")
            .ValidateOnStart();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes;
            kestrel.Limits.MaxRequestHeaderCount = 50;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            // Slow clients (slowloris) hold a connection for at most this long before their headers are complete,
            // and are cut off when a body trickles in below 1 KiB/s after a 2 s grace: a 16 KiB body takes at most
            // 18 s of a request slot.
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(5);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(1024, TimeSpan.FromSeconds(2));
        });

        builder.Services.Configure<JsonOptions>(options => ConfigureStrictJson(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddReservationsProblemDetails();
        builder.Services.AddJwtAuthentication();
        builder.Services.AddReservationsRateLimiting();
        builder.Services.AddReservationsCors(builder.Configuration);
        builder.Services.AddLiveAvailability();
        builder.Services.AddMetricsEndpoint();
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<OperationIdTransformer>();
            options.AddOperationTransformer<ProblemResponsesTransformer>();
            options.AddSchemaTransformer<SchemaLimitsTransformer>();
            options.AddSchemaTransformer<InstantSchemaTransformer>();
        });
        return builder;
    }

    /// <summary>
    /// Numbers must be numbers ("5", 1.5 or null for an integer are 400), a property may appear once, nesting stops at 16
    /// (no body needs more than 3; the OpenAPI schemas of lists of holds with their items reach 9, and they are written with
    /// these options), and a missing required property or a null where none is allowed is 400 rather than a silent default.
    /// </summary>
    internal static void ConfigureStrictJson(System.Text.Json.JsonSerializerOptions json)
    {
        json.NumberHandling = JsonNumberHandling.Strict;
        json.MaxDepth = 16;
        json.AllowDuplicateProperties = false;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        json.Converters.Add(new InstantWithOffsetConverter());
    }
}
