using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Reservations.Application.Payments;

namespace Reservations.WebApi.Payments;

/// <summary>
/// Refuses to start with half a Stripe configuration, a key of the wrong kind, a live key in Development, a currency that
/// is not a three-letter code of two decimals, or Stripe's address over plain http outside Development: each would
/// otherwise show only when a customer pays.
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

        if (NotTwoDecimals.Contains(options.Currency))
        {
            return ValidateOptionsResult.Fail(
                $"Payments:Currency {options.Currency} does not have two decimals: prices go to Stripe in hundredths, so it would be charged 100 or 0.1 times the price.");
        }

        if (!environment.IsDevelopment() && options.Stripe.ApiBase.Scheme != Uri.UriSchemeHttps)
        {
            return ValidateOptionsResult.Fail("Payments:Stripe:ApiBase must be https outside Development: the secret key goes there.");
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

    // Stripe's zero-decimal and three-decimal currencies (https://docs.stripe.com/currencies#zero-decimal).
    private static readonly HashSet<string> NotTwoDecimals =
    [
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
        "bhd", "jod", "kwd", "omr", "tnd",
    ];

    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex CurrencyCode();
}
