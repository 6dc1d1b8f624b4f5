using Reservations.Application;
using Reservations.Infrastructure;
using Reservations.Worker.Expiry;
using Reservations.Worker.Inventory;
using Reservations.Worker.Purchases;
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
        builder.Services.AddOptions<WorkerOptions>()
            .BindConfiguration(WorkerOptions.Section)
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Reservations:SweepInterval must be positive.")
            .Validate(o => o.ReconcileInterval > TimeSpan.Zero, "Reservations:ReconcileInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddHostedService<InventoryWarmUp>();
        builder.Services.AddHostedService<ExpiredHoldHandler>();
        builder.Services.AddHostedService<HoldSweeper>();
        builder.Services.AddHostedService<PurchasePersister>();
        builder.Services.AddHostedService<LedgerReconciler>();
        return builder;
    }
}
