using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Delete;

public sealed record DeleteWebhookEndpointCommand(Guid Id) : ICommand<Result<Unit>>;
