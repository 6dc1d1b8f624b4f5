using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Create;

public sealed record CreateWebhookEndpointCommand(string Url, IReadOnlyList<string> Events, string? Description = null)
    : ICommand<Result<CreatedWebhookEndpointResponse>>;
