namespace Reservations.Application.Products.LiveAvailability;

/// <summary>Bring a product's feed up to date (from its total stock in the catalog) and read it: the entries after
/// <paramref name="After"/>, or only the latest when it is null.</summary>
public sealed record FeedRequest(Guid ProductId, int TotalStock, FeedId? After);
