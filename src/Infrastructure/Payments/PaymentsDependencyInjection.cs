using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reservations.Application.Payments;

namespace Reservations.Infrastructure.Payments;

public static class PaymentsDependencyInjection
{
    public static IServiceCollection AddStripePayments(this IServiceCollection services)
    {
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPaymentProvider, StripePaymentProvider>();
        services.AddSingleton<IPaymentEventReader, StripeEventReader>();
        return services;
    }
}
