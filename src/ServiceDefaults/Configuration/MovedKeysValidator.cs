using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Reservations.ServiceDefaults.Configuration;

/// <summary>Fails the start of a host whose configuration still sets a key of <see cref="MovedKeys"/>.</summary>
internal sealed class MovedKeysValidator(IConfiguration configuration) : IValidateOptions<MovedKeysCheck>
{
    public ValidateOptionsResult Validate(string? name, MovedKeysCheck options) =>
        MovedKeys.StillSetIn(configuration) is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
}
