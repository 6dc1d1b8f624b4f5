using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Delete;

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
