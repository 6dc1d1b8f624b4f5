using Reservations.Application;
using Reservations.Infrastructure;
using Reservations.Infrastructure.Persistence;
using Reservations.WebApi;
using Reservations.WebApi.Auth;
using Reservations.WebApi.Endpoints;
using Scalar.AspNetCore;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.AddWebApi();
builder.Services.AddApplication();
builder.Services.AddInfrastructure();

var app = builder.Build();

if (args.Contains("migrate"))
{
    await DatabaseMigrator.MigrateAsync(app.Services);
    return;
}

// Outermost, so the one line per request carries the final status code, after exceptions became problems.
app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapScalarApiReference(options => options.WithTitle("Reservations API").AddPreferredSecuritySchemes("Bearer"));
app.MapHealth();
// Prometheus scrapes /metrics; deployments keep it on the internal network.
app.MapPrometheusScrapingEndpoint();
app.MapProducts();
app.MapReservations();
app.MapOrders();
app.MapAdmin();
if (app.Configuration.GetValue<bool>($"{AuthOptions.Section}:{nameof(AuthOptions.DevTokens)}"))
{
    app.MapDevTokens();
}

await app.RunAsync();
