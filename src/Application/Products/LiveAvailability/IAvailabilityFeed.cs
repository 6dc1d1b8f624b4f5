namespace Reservations.Application.Products.LiveAvailability;

/// <summary>The products' availability feeds (a stream per product in its Redis shard). A run writes a new entry for each
/// product whose available or held units changed, at most one per 200 ms per product whoever runs it, then reads.</summary>
public interface IAvailabilityFeed
{
    /// <summary>The feed of each requested product, in the order asked, after bringing it up to date.</summary>
    Task<IReadOnlyList<FeedRead>> RunAsync(IReadOnlyList<FeedRequest> requests, CancellationToken cancellationToken);
}
