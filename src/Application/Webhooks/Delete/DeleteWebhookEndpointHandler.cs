using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Delete;

/// <summary>Removes the endpoint and its deliveries, then switches off in the gate the types nobody wants any more.</summary>
public sealed class DeleteWebhookEndpointHandler(IWebhookEndpoints endpoints, GateEventSwitchSync sync)
    : ICommandHandler<DeleteWebhookEndpointCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(DeleteWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        if (!await endpoints.DeleteAsync(command.Id, cancellationToken))
        {
            return WebhookErrors.EndpointNotFound;
        }

        await sync.SyncAfterChangeAsync(cancellationToken);
        return Unit.Value;
    }
}
