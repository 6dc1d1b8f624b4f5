using Microsoft.Extensions.Options;

namespace Reservations.Worker.Webhooks;

internal sealed class WebhookDeliveryOptionsValidator : IValidateOptions<WebhookDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookDeliveryOptions options)
    {
        List<string> failures = [];
        Require(failures, options.PollInterval > TimeSpan.Zero, "Webhooks:Delivery:PollInterval must be positive.");
        Require(failures, options.RetryDelays.All(d => d > TimeSpan.Zero), "Webhooks:Delivery:RetryDelays must all be positive.");
        Require(failures, options.AttemptTimeout > TimeSpan.Zero, "Webhooks:Delivery:AttemptTimeout must be positive.");
        // A lease shorter than an attempt would let a second Worker send the delivery while the first still waits.
        Require(failures, options.Lease > options.AttemptTimeout * 2, "Webhooks:Delivery:Lease must be more than twice Webhooks:Delivery:AttemptTimeout.");
        Require(failures, options.MaxLanes >= 1, "Webhooks:Delivery:MaxLanes must be 1 or more.");
        Require(failures, options.LaneBatch >= 1, "Webhooks:Delivery:LaneBatch must be 1 or more.");
        Require(failures, options.FanOutBatch >= 1, "Webhooks:Delivery:FanOutBatch must be 1 or more.");
        Require(failures, options.SwitchRepairInterval > TimeSpan.Zero, "Webhooks:Delivery:SwitchRepairInterval must be positive.");
        // Deliveries are retried for a day (the retry window): one kept for less could go while its event is still wanted.
        Require(failures, options.Keep >= TimeSpan.FromDays(1), "Webhooks:Delivery:Keep must be at least one day.");
        Require(failures, options.PruneInterval > TimeSpan.Zero, "Webhooks:Delivery:PruneInterval must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
