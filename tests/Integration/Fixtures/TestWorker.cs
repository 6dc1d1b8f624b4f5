using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reservations.Worker;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>The real Worker host, in-process, on the same database and key prefix as a test class's API.</summary>
public static class TestWorker
{
    public static async Task<IHost> StartAsync(ReservationsApiFactory api, params (string Key, string Value)[] settings)
    {
        var host = Build(api, settings);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>The Worker host built and not started: none of its loops runs unless the test calls it.</summary>
    public static IHost Build(ReservationsApiFactory api, params (string Key, string Value)[] settings) =>
        Build(api, _ => { }, settings);

    /// <summary>The same, with services the test adds after the Worker's own.</summary>
    public static IHost Build(
        ReservationsApiFactory api, Action<IServiceCollection> configureServices, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration["ConnectionStrings:Postgres"] = api.PostgresConnectionString;
        builder.Configuration["ConnectionStrings:Redis"] = api.RedisConnectionString;
        builder.Configuration["Redis:KeyPrefix"] = api.KeyPrefix;
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddWorker();
        configureServices(builder.Services);
        return builder.Build();
    }

    public static async Task StopAsync(IHost host)
    {
        await host.StopAsync(TestContext.Current.CancellationToken);
        host.Dispose();
    }
}
