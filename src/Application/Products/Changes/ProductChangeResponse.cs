using System.Text.Json;

namespace Reservations.Application.Products.Changes;

/// <summary>One edit of a product as the audit shows it: <see cref="Changes"/> maps each field changed to its before and after.</summary>
public sealed record ProductChangeResponse(Guid Id, string Actor, string? Reason, DateTimeOffset At, JsonElement Changes);
