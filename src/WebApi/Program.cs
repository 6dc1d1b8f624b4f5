using Microsoft.Extensions.Options;
using Reservations.Application;
using Reservations.Infrastructure;
using Reservations.Infrastructure.Persistence;
using Reservations.ServiceDefaults.Configuration;
using Reservations.WebApi;
using Reservations.WebApi.Auth;
using Reservations.WebApi.Endpoints;
using Reservations.WebApi.Metrics;
using Reservations.WebApi.Pages;
using Reservations.WebApi.Protection;
using Scalar.AspNetCore;
using Serilog;

if (args is [HealthProbe.Command])
{
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
builder.AddWebApi();
builder.Services.AddApplication();
builder.Services.AddInfrastructure();

// Disposed at the end, so that the log lines still queued for the console (Async sink) are written.
await using var app = builder.Build();

if (args.Contains("migrate"))
{
    // Built, never started: the start-up checks do not run, and a stale setting must not get as far as the schema.
    MovedKeys.EnsureNoneIn(app.Configuration);
    await DatabaseMigrator.MigrateAsync(app.Services);
    return 0;
}

// Outermost, so the one line per request carries the final status code, after exceptions became problems.
var requestLogLevels = new RequestLogLevels(app.Services.GetRequiredService<IOptions<RequestLogOptions>>().Value.SlowRequestThreshold);
app.UseSerilogRequestLogging(options =>
{
    options.GetLevel = requestLogLevels.Of;
    // This host's logger, not the static Log.Logger the middleware falls back to (the last host's, in a test run).
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
});
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMetricsPort();
// Before load shedding, so that a browser can read a shed request's 503 too.
app.UseReservationsCors();
// Before authentication: under overload, shed requests before spending anything on them.
app.UseMiddleware<OverloadProtectionMiddleware>();
// The storefront and console pages and their assets: anonymous and cheap (revalidated by ETag), so before authentication.
app.UsePages();
app.UseAuthentication();
// After authentication, so that limits can be per customer; before authorization, so that failed tokens count too.
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi();
app.MapScalarApiReference(options => options.WithTitle("Reservations API").AddPreferredSecuritySchemes("Bearer"));
app.MapHealth();
app.MapProblemTypes();
app.MapTime();
// Prometheus scrapes /metrics; deployments keep it on the internal network, or on a port of its own.
app.MapMetrics();
app.MapProducts();
app.MapLiveAvailability();
app.MapReservations();
app.MapOrders();
app.MapAdmin();
app.MapWebhooks();
app.MapPayments();
if (app.Configuration.GetValue<bool>($"{AuthOptions.Section}:{nameof(AuthOptions.DevTokens)}"))
{
    app.MapDevTokens();
}

await app.RunAsync();
return 0;
