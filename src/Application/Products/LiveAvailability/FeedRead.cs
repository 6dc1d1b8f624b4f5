namespace Reservations.Application.Products.LiveAvailability;

/// <summary>A product's feed after a tick: its oldest retained entry's id, its latest entry, and the entries after the id
/// asked for, oldest first. All empty when the product has no gate state (Redis does not know it yet, or lost it).</summary>
public sealed record FeedRead(FeedId? First, AvailabilityEntry? Latest, IReadOnlyList<AvailabilityEntry> After)
{
    public static readonly FeedRead NoGateState = new(null, null, []);

    /// <summary>Whether the entries after <paramref name="lastEventId"/> are all still retained: it lies between the oldest
    /// retained entry and the latest, so <see cref="After"/> is exactly what a client that saw it has missed.</summary>
    public bool CanResumeAfter(FeedId lastEventId) =>
        First is { } first && Latest is { } latest && first <= lastEventId && lastEventId <= latest.Id;
}
