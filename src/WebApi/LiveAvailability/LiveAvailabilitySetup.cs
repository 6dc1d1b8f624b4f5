namespace Reservations.WebApi.LiveAvailability;

internal static class LiveAvailabilitySetup
{
    public static IServiceCollection AddLiveAvailability(this IServiceCollection services)
    {
        services.AddSingleton<StreamAdmission>();
        services.AddHostedService<AvailabilityFeedTicker>();
        return services;
    }
}
