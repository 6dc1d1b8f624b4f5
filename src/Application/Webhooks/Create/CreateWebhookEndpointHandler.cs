using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Webhooks;

namespace Reservations.Application.Webhooks.Create;

/// <summary>
/// Stores the endpoint, then switches its event types on in the gate before answering: every event that happens after
/// the 201 reaches it.
/// </summary>
public sealed class CreateWebhookEndpointHandler(
    IWebhookEndpoints endpoints, IWebhookEventStore events, IGateEventSwitch gate, TimeProvider clock)
    : ICommandHandler<CreateWebhookEndpointCommand, Result<CreatedWebhookEndpointResponse>>
{
    public async ValueTask<Result<CreatedWebhookEndpointResponse>> Handle(
        CreateWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var endpoint = new WebhookEndpoint(command.Url, command.Events, command.Description, clock.GetUtcNow());
        await endpoints.AddAsync(endpoint, cancellationToken);
        await WebhookSubscriptions.SyncGateAsync(events, gate, cancellationToken);
        return new CreatedWebhookEndpointResponse(
            endpoint.Id, endpoint.Url, endpoint.Events, endpoint.Description, endpoint.CreatedAt, Enabled: true, endpoint.Secret);
    }
}
