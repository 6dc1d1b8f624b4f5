using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Reservations.Application.Payments;
using Reservations.WebApi.Payments;

namespace Reservations.UnitTests.WebApi.Payments;

public class PaymentsOptionsValidatorTests
{
    [Theory]
    [InlineData("Development", null, null)]
    [InlineData("Development", "sk_test_abc", "whsec_abc")]
    [InlineData("Production", "sk_test_abc", "whsec_abc")]
    [InlineData("Production", "sk_live_abc", "whsec_abc")]
    public void Validate_WithNoKeysOrAWholeConfiguration_Passes(string environment, string? secretKey, string? webhookSecret) =>
        Validate(environment, secretKey, webhookSecret).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("Development", "sk_live_abc", "whsec_abc", "live key")]
    [InlineData("Production", "sk_test_abc", null, "together")]
    [InlineData("Production", null, "whsec_abc", "together")]
    [InlineData("Production", "pk_test_abc", "whsec_abc", "secret key")]
    [InlineData("Production", "sk_test_abc", "abc", "signing secret")]
    public void Validate_WithALiveKeyInDevelopmentHalfAConfigurationOrAKeyOfAnotherKind_Fails(
        string environment, string? secretKey, string? webhookSecret, string reason) =>
        Validate(environment, secretKey, webhookSecret).FailureMessage.Should().Contain(reason);

    [Theory]
    [InlineData("USD")]
    [InlineData("dollars")]
    [InlineData("")]
    [InlineData("jpy")]
    [InlineData("kwd")]
    public void Validate_WithACurrencyThatIsNotALowerCaseIsoCode_Fails(string currency) =>
        new PaymentsOptionsValidator(new Environment("Production")).Validate(null, new PaymentsOptions { Currency = currency })
            .FailureMessage.Should().Contain("Payments:Currency");

    [Fact]
    public void Validate_WithStripesAddressOverHttp_FailsOutsideDevelopment_AndPassesInIt()
    {
        var options = new PaymentsOptions { Stripe = new PaymentsOptions.StripeSettings { ApiBase = new Uri("http://127.0.0.1:12111") } };

        new PaymentsOptionsValidator(new Environment("Production")).Validate(null, options).FailureMessage.Should().Contain("https");
        new PaymentsOptionsValidator(new Environment("Development")).Validate(null, options).Succeeded.Should().BeTrue();
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string environment, string? secretKey, string? webhookSecret) =>
        new PaymentsOptionsValidator(new Environment(environment)).Validate(null, new PaymentsOptions
        {
            Stripe = new PaymentsOptions.StripeSettings { SecretKey = secretKey, WebhookSecret = webhookSecret },
        });

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Reservations.WebApi";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
