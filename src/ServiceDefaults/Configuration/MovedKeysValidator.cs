using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Reservations.ServiceDefaults.Configuration;

internal sealed class MovedKeysValidator(IConfiguration configuration) : IValidateOptions<MovedKeysCheck>
{
    public ValidateOptionsResult Validate(string? name, MovedKeysCheck options) =>
        MovedKeys.StillSetIn(configuration) is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
}
