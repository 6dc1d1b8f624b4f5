using Reservations.Application;
using Reservations.Infrastructure;
using Reservations.Worker.Inventory;
using Serilog;

namespace Reservations.Worker;

public static class DependencyInjection
{
    public static HostApplicationBuilder AddWorker(this HostApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure();
        builder.Services.AddHostedService<InventoryWarmUp>();
        return builder;
    }
}
