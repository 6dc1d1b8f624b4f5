using System.Text;
using Microsoft.Extensions.Options;

namespace Reservations.WebApi.Auth;

/// <summary>Refuses to start with a weak or development signing key, or with dev tokens, outside Development.</summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    // The key committed in appsettings.Development.json: public, so never acceptable elsewhere.
    internal const string DevelopmentKey = "reservations-development-signing-key-not-for-production-use";

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (Encoding.UTF8.GetByteCount(options.SigningKey) < AuthOptions.MinKeyBytes)
        {
            return ValidateOptionsResult.Fail($"Auth:SigningKey must be set and at least {AuthOptions.MinKeyBytes} bytes.");
        }

        if (options.ValidatedTokens < 0)
        {
            return ValidateOptionsResult.Fail("Auth:ValidatedTokens must not be negative.");
        }

        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }

        if (options.SigningKey == DevelopmentKey)
        {
            return ValidateOptionsResult.Fail("Auth:SigningKey is the public development key; set a secret one.");
        }

        return options.DevTokens
            ? ValidateOptionsResult.Fail("Auth:DevTokens may only be true in the Development environment.")
            : ValidateOptionsResult.Success;
    }
}
