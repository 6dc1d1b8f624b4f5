namespace Reservations.Application.Webhooks;

/// <summary>An endpoint as admins list it: never its secret. Disabled ones say when and why.</summary>
public sealed record WebhookEndpointResponse(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Description, DateTimeOffset CreatedAt, bool Enabled,
    DateTimeOffset? DisabledAt, string? DisabledReason);
