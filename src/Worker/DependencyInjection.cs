using Microsoft.Extensions.Options;
using Reservations.Application;
using Reservations.Infrastructure;
using Reservations.ServiceDefaults;
using Reservations.ServiceDefaults.Telemetry;
using Reservations.Worker.Expiry;
using Reservations.Worker.Health;
using Reservations.Worker.Inventory;
using Reservations.Worker.Metrics;
using Reservations.Worker.Purchases;
using Reservations.Worker.Webhooks;

namespace Reservations.Worker;

public static class DependencyInjection
{
    public static HostApplicationBuilder AddWorker(this HostApplicationBuilder builder)
    {
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure();
        var telemetry = builder.AddServiceDefaults("reservations-worker");
        var settings = builder.Configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        var metricsSettings = builder.Configuration.GetSection(PrometheusOptions.Section).Get<PrometheusOptions>() ?? new PrometheusOptions();
        if (metricsSettings.Port is { } metricsPort)
        {
            telemetry.WithMetrics(metrics => metrics.AddWorkerPrometheusListener(metricsSettings.Host, metricsPort));
        }

        builder.Services.AddOptions<WorkerOptions>()
            .BindConfiguration(WorkerOptions.Section)
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Worker:SweepInterval must be positive.")
            .Validate(o => o.ReconcileInterval > TimeSpan.Zero, "Worker:ReconcileInterval must be positive.")
            .Validate(o => o.StateCheckInterval > TimeSpan.Zero, "Worker:StateCheckInterval must be positive.")
            .Validate(o => o.AdjustmentInterval > TimeSpan.Zero, "Worker:AdjustmentInterval must be positive.")
            .Validate(o => o.TermsRefreshInterval > TimeSpan.Zero, "Worker:TermsRefreshInterval must be positive.")
            .Validate(o => o.AdjustmentGrace >= TimeSpan.Zero, "Worker:AdjustmentGrace must not be negative.")
            .Validate(o => o.HealthPort is null or (>= 1 and <= 65_535), "Worker:HealthPort must be 1–65535.")
            .Validate<IOptions<PrometheusOptions>>((o, metrics) => o.HealthPort is null || o.HealthPort != metrics.Value.Port,
                "Worker:HealthPort must differ from Prometheus:Port.")
            .Validate(o => o.StockSampleInterval > TimeSpan.Zero, "Worker:StockSampleInterval must be positive.")
            .Validate(o => o.StockSampleBatch is >= 1 and <= 10_000, "Worker:StockSampleBatch must be 1–10000.")
            .Validate(o => o.StockCatalogRefresh > TimeSpan.Zero, "Worker:StockCatalogRefresh must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<GateEventDrainerOptions>()
            .BindConfiguration(GateEventDrainerOptions.Section)
            .Validate(o => o.IdlePoll > TimeSpan.Zero && o.IdlePoll <= GateEventDrainerOptions.MaxIdlePoll,
                "Webhooks:GateEvents:IdlePoll must be positive and at most 250 ms.")
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, "Webhooks:GateEvents:BatchSize must be 1–10000.")
            .ValidateOnStart();
        if (settings.HealthPort is not null)
        {
            builder.Services.AddHostedService<HealthListener>();
        }

        builder.Services.AddSingleton<StockGauges>();
        builder.Services.AddSingleton<StockSampler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StockSampler>());
        builder.Services.AddHostedService<InventoryWarmUp>();
        builder.Services.AddHostedService<ExpiredHoldHandler>();
        builder.Services.AddHostedService<HoldSweeper>();
        builder.Services.AddHostedService<PurchasePersister>();
        builder.Services.AddHostedService<LedgerReconciler>();
        builder.Services.AddHostedService<PendingAdjustmentCompleter>();
        builder.Services.AddHostedService<ProductTermsRefresher>();
        builder.Services.AddOptions<WebhookDeliveryOptions>().BindConfiguration(WebhookDeliveryOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebhookDeliveryOptions>, WebhookDeliveryOptionsValidator>();
        builder.Services.AddSingleton<WebhookSenderFactory>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddHostedService<GateEventSwitchRepair>();
        builder.Services.AddHostedService<WebhookPruner>();
        builder.Services.AddHostedService<GateEventDrainer>();
        return builder;
    }
}
