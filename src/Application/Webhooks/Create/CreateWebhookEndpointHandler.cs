using Mediator;
using Reservations.Application.Common.Results;
using Reservations.Domain.Webhooks;

namespace Reservations.Application.Webhooks.Create;

/// <summary>Types switched on in the gate first, then the endpoint stored: every event after the 201 reaches it, and a
/// gate that cannot be told leaves no endpoint whose secret nobody saw.</summary>
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
