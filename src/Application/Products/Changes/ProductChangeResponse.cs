using System.Text.Json;

namespace Reservations.Application.Products.Changes;

public sealed record ProductChangeResponse(Guid Id, string Actor, string? Reason, DateTimeOffset At, JsonElement Changes);
