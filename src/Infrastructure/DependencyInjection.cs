using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Holds.Expire;
using Reservations.Application.Holds.List;
using Reservations.Application.Payments;
using Reservations.Application.Products;
using Reservations.Application.Products.Create;
using Reservations.Application.Products.LiveAvailability;
using Reservations.Application.Products.WarmUp;
using Reservations.Application.Purchases;
using Reservations.Application.Purchases.Persist;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Delivery;
using Reservations.Application.Webhooks.DrainGateEvents;
using Reservations.Infrastructure.Health;
using Reservations.Infrastructure.Payments;
using Reservations.Infrastructure.Persistence;
using Reservations.Infrastructure.Persistence.Payments;
using Reservations.Infrastructure.Persistence.Webhooks;
using Reservations.Infrastructure.Redis;
using Reservations.Infrastructure.Webhooks;
using StackExchange.Redis;

namespace Reservations.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<ConnectionStringsOptions>()
            .BindConfiguration(ConnectionStringsOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Postgres), "ConnectionStrings:Postgres is not configured.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Redis), "ConnectionStrings:Redis is not configured.")
            .ValidateOnStart();
        services.AddOptions<RedisGateOptions>()
            .BindConfiguration(RedisGateOptions.Section)
            .Validate(o => o.Shards is null or (>= 1 and <= 16_384), "Redis:Shards must be 1–16384.")
            .Validate(o => o.MaxDeliveries >= 1, "Redis:MaxDeliveries must be 1 or more.")
            .Validate(o => o.PurchaseReplicas >= 0, "Redis:PurchaseReplicas must be 0 or more.")
            .Validate(o => o.PurchaseReplicaTimeout > TimeSpan.Zero, "Redis:PurchaseReplicaTimeout must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyPrefix) && o.KeyPrefix.AsSpan().IndexOfAny('{', '}') < 0,
                "Redis:KeyPrefix must be set and hold no braces.")
            .ValidateOnStart();

        services.AddDbContextPool<ReservationsDbContext>((sp, options) => options
            .UseNpgsql(ConnectionStrings(sp).Postgres, npgsql => npgsql.EnableRetryOnFailure(
                maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null))
            // A failed command reaches the caller as an exception, which decides what it means (a taken SKU is no
            // error) and logs it once; EF's own error lines would log every expected conflict twice.
            .ConfigureWarnings(w => w.Log(
                (CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug))));
        services.AddScoped<ICatalog, ProductCatalog>();
        services.AddScoped<IPurchaseStore, PurchaseStore>();
        services.AddScoped<IPurchaseReadStore, PurchaseReadStore>();
        services.AddScoped<IPurchasedHolds, PurchaseReadStore>();
        services.AddScoped<IPurchasedUnits, PurchaseReadStore>();
        services.AddScoped<IWebhookEventStore, WebhookEventStore>();
        services.AddScoped<IWebhookEndpoints, WebhookEndpointStore>();
        services.AddScoped<IWebhookDeliveries, WebhookDeliveryStore>();
        services.AddScoped<IPaymentStore, PaymentStore>();
        services.AddStripePayments();
        services.AddSingleton<IWebhookHostResolver, DnsWebhookHostResolver>();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();

        services.AddSingleton<IConnectionMultiplexer>(sp => ConnectRedis(sp));
        services.AddSingleton(sp => new RedisAdminConnection(ConnectRedis(sp, admin: true)));
        services.AddHostedService<RedisConnectionStarter>();
        services.AddSingleton<RedisLayout>();
        services.AddHostedService<RedisLayoutCheck>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RedisGateOptions>>().Value;
            return new RedisKeys(options.KeyPrefix, options.ShardsFor(ConnectionStrings(sp).Redis));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RedisGateOptions>>().Value;
            return new ReplicaAcknowledgement(
                options.PurchaseReplicas > 0
                    ? [.. Enumerable.Range(0, ReplicaAcknowledgement.Connections).Select(_ => ConnectRedis(sp))]
                    : [],
                options.PurchaseReplicas,
                options.PurchaseReplicaTimeout,
                sp.GetRequiredService<ILogger<ReplicaAcknowledgement>>());
        });
        services.AddSingleton<IProductIds, RedisProductIds>();
        // One gate for the three ports: it owns the reserve batchers and their connections.
        services.AddSingleton<RedisInventoryGate>();
        services.AddSingleton<IHoldGate>(sp => sp.GetRequiredService<RedisInventoryGate>());
        services.AddSingleton<IHoldExpiry>(sp => sp.GetRequiredService<RedisInventoryGate>());
        services.AddSingleton<IStockGate>(sp => sp.GetRequiredService<RedisInventoryGate>());
        services.AddSingleton<IHoldReadStore, RedisHoldReadStore>();
        services.AddSingleton<IHoldExpiryEvents, RedisHoldExpiryEvents>();
        services.AddSingleton<IPurchaseOutbox, RedisPurchaseOutbox>();
        services.AddSingleton<IGateStateMarkers, RedisGateStateMarkers>();
        services.AddSingleton<IGateEventSwitch, RedisGateEventSwitch>();
        services.AddSingleton<IGateEventOutbox, RedisGateEventOutbox>();
        services.AddSingleton<IAvailabilityFeed, RedisAvailabilityFeed>();
        services.AddSingleton<IFailureClassifier, StoreFailureClassifier>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CachedHealthCheck<PostgresHealthCheck>>();
        services.AddSingleton<CachedHealthCheck<RedisHealthCheck>>();
        services.AddHealthChecks()
            .AddCheck<CachedHealthCheck<PostgresHealthCheck>>("postgres", tags: [HealthTags.Ready])
            .AddCheck<CachedHealthCheck<RedisHealthCheck>>("redis", tags: [HealthTags.Ready]);
        return services;
    }

    private static ConnectionStringsOptions ConnectionStrings(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ConnectionStringsOptions>>().Value;

    private static ConnectionMultiplexer ConnectRedis(IServiceProvider services, bool admin = false)
    {
        var options = ConfigurationOptions.Parse(ConnectionStrings(services).Redis);
        // Start even while Redis is down: readiness reports it and requests answer 503 until it is back.
        options.AbortOnConnectFail = false;
        options.AllowAdmin = admin;
        var redis = ConnectionMultiplexer.Connect(options);
        ClusterFailoverFollower.Follow(redis, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClusterFailoverFollower)));
        return redis;
    }
}
