using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Reservations.Application.Payments;

namespace Reservations.WebApi.Payments;

/// <summary>
/// Refuses to start with half a Stripe configuration, a key of the wrong kind, a live key in Development, or a currency
/// that is not a three-letter code: each would otherwise show only when a customer pays.
/// </summary>
internal sealed partial class PaymentsOptionsValidator(IHostEnvironment environment) : IValidateOptions<PaymentsOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentsOptions options)
    {
        var (secretKey, webhookSecret) = (options.Stripe.SecretKey, options.Stripe.WebhookSecret);
        if (!CurrencyCode().IsMatch(options.Currency))
        {
            return ValidateOptionsResult.Fail("Payments:Currency must be a three-letter ISO 4217 code in lower case, such as usd.");
        }

        if (string.IsNullOrWhiteSpace(secretKey) && string.IsNullOrWhiteSpace(webhookSecret))
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(secretKey) || string.IsNullOrWhiteSpace(webhookSecret))
        {
            return ValidateOptionsResult.Fail(
                "Payments:Stripe:SecretKey and Payments:Stripe:WebhookSecret are set together or not at all (neither: payments are off).");
        }

        if (!secretKey.StartsWith("sk_test_", StringComparison.Ordinal) && !secretKey.StartsWith("sk_live_", StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail("Payments:Stripe:SecretKey must be a Stripe secret key (sk_test_… or sk_live_…).");
        }

        if (!webhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail("Payments:Stripe:WebhookSecret must be a Stripe signing secret (whsec_…).");
        }

        return environment.IsDevelopment() && secretKey.StartsWith("sk_live_", StringComparison.Ordinal)
            ? ValidateOptionsResult.Fail("Payments:Stripe:SecretKey is a live key: Development takes test keys (sk_test_…) only.")
            : ValidateOptionsResult.Success;
    }

    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex CurrencyCode();
}
