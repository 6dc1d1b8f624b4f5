namespace Reservations.Load.Availability;

/// <summary>An event of an availability stream as a client got it: its id, its name, its figures and when it arrived.</summary>
public sealed record ReceivedEvent(string Id, string? Name, AvailabilityData Data, DateTimeOffset ReceivedAt);
