namespace Reservations.Application.Products.LiveAvailability;

/// <summary>Its figures when written (<see cref="At"/>, by Redis's clock), fixed from then on, so a replay sends
/// exactly what was sent live. Sold = total stock − available − held.</summary>
public sealed record AvailabilityEntry(FeedId Id, Guid ProductId, int Available, int Held, int Sold, DateTimeOffset At);
