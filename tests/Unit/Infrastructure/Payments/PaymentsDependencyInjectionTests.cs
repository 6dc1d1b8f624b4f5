using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reservations.Application.Payments;
using Reservations.Infrastructure.Payments;

namespace Reservations.UnitTests.Infrastructure.Payments;

public class PaymentsDependencyInjectionTests
{
    [Fact]
    public void AddStripePayments_BindsThePaymentsSection_AndRegistersStripeOnceForTheProcess()
    {
        using var services = Build(new()
        {
            ["Payments:Currency"] = "eur",
            ["Payments:Stripe:SecretKey"] = "sk_test_di",
            ["Payments:Stripe:WebhookSecret"] = "whsec_di",
            ["Payments:Stripe:ApiBase"] = "http://127.0.0.1:12111",
        });

        services.GetRequiredService<IOptions<PaymentsOptions>>().Value.Should().BeEquivalentTo(new
        {
            Currency = "eur",
            Enabled = true,
            Stripe = new { SecretKey = "sk_test_di", WebhookSecret = "whsec_di", ApiBase = new Uri("http://127.0.0.1:12111") },
        });
        services.GetRequiredService<IPaymentProvider>().Should().BeOfType<StripePaymentProvider>()
            .And.BeSameAs(services.GetRequiredService<IPaymentProvider>());
        services.GetRequiredService<IPaymentEventReader>().Should().BeOfType<StripeEventReader>()
            .And.BeSameAs(services.GetRequiredService<IPaymentEventReader>());
    }

    [Fact]
    public void AddStripePayments_WithoutKeys_StillResolves_SoThatCallersCanAnswerPaymentsDisabled()
    {
        using var services = Build([]);

        services.GetRequiredService<IOptions<PaymentsOptions>>().Value.Enabled.Should().BeFalse();
        services.GetRequiredService<IPaymentProvider>().Should().NotBeNull();
        services.GetRequiredService<IPaymentEventReader>().Read("{}", "t=1,v1=00").Should().BeNull();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .AddStripePayments()
        .BuildServiceProvider();
}
