using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reservations.Application.Common;
using Reservations.Application.Common.Behaviors;
using Reservations.Application.Products.LiveAvailability;
using Reservations.Application.Webhooks;
using Reservations.Domain.Products;

namespace Reservations.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(DependencyInjection)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(MetricsBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining(typeof(DependencyInjection), ServiceLifetime.Singleton);
        services.AddOptions<ReservationsOptions>()
            .BindConfiguration(ReservationsOptions.Section)
            .Validate(o => HoldDuration.IsValid(o.DefaultHoldSeconds), "Reservations:DefaultHoldSeconds must be 1–86400.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.RetryWindow > TimeSpan.Zero, "Webhooks:RetryWindow must be positive.")
            .ValidateOnStart();
        services.AddOptions<LiveAvailabilityOptions>().BindConfiguration(LiveAvailabilityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LiveAvailabilityOptions>, LiveAvailabilityOptionsValidator>();
        services.AddSingleton<AvailabilityHub>();
        services.AddScoped<GateEventSwitchSync>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
