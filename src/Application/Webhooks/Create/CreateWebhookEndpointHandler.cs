using Mediator;
using Reservations.Application.Common.Results;
using Reservations.Domain.Webhooks;

namespace Reservations.Application.Webhooks.Create;

/// <summary>Switches the endpoint's event types on in the gate, then stores it: every event that happens after the 201
/// reaches it, and a gate that cannot be told leaves no endpoint whose secret nobody saw. Then the switch is set to
/// exactly what the endpoints want.</summary>
public sealed class CreateWebhookEndpointHandler(
    IWebhookEndpoints endpoints, IGateEventSwitch gate, GateEventSwitchSync sync, TimeProvider clock)
    : ICommandHandler<CreateWebhookEndpointCommand, Result<CreatedWebhookEndpointResponse>>
{
    public async ValueTask<Result<CreatedWebhookEndpointResponse>> Handle(
        CreateWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var endpoint = new WebhookEndpoint(command.Url, command.Events, command.Description, clock.GetUtcNow());
        await gate.AddAsync(endpoint.Events.ToHashSet(StringComparer.Ordinal), cancellationToken);
        await endpoints.AddAsync(endpoint, cancellationToken);
        await sync.SyncAfterChangeAsync(cancellationToken);
        return new CreatedWebhookEndpointResponse(
            endpoint.Id, endpoint.Url, endpoint.Events, endpoint.Description, endpoint.CreatedAt, Enabled: true, endpoint.Secret);
    }
}
