using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Retry;

/// <summary>The delivery gets a new retry window from now; its endpoint is enabled again, so the gate is told its types
/// again (they were switched off when it was disabled, if no other endpoint wanted them).</summary>
public sealed class RetryWebhookDeliveryHandler(
    IWebhookEndpoints endpoints, GateEventSwitchSync sync, IOptions<WebhookOptions> options)
    : ICommandHandler<RetryWebhookDeliveryCommand, Result<WebhookDeliveryResponse>>
{
    public async ValueTask<Result<WebhookDeliveryResponse>> Handle(RetryWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        var delivery = await endpoints.RetryDeliveryAsync(
            command.EndpointId, command.DeliveryId, options.Value.RetryWindow, cancellationToken);
        if (delivery is null)
        {
            return WebhookErrors.DeliveryNotFound;
        }

        await sync.SyncAfterChangeAsync(cancellationToken);
        return delivery;
    }
}
