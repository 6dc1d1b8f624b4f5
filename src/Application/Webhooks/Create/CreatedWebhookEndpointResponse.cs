namespace Reservations.Application.Webhooks.Create;

/// <summary>The new endpoint with its signing secret, which no other answer shows again.</summary>
public sealed record CreatedWebhookEndpointResponse(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Description, DateTimeOffset CreatedAt, bool Enabled, string Secret);
