using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reservations.Application.Webhooks;

namespace Reservations.Infrastructure.Webhooks;

/// <summary>Refuses to start with local webhook targets allowed outside Development (they open the internal network to admins).</summary>
internal sealed class WebhookOptionsValidator(IHostEnvironment environment) : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.AllowLocalTargets && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail("Webhooks:AllowLocalTargets may be true only in Development.")
            : ValidateOptionsResult.Success;
}
