namespace Reservations.WebApi.Products;

/// <summary>
/// The schema of a product's merge patch in the OpenAPI document (ProductPatchReader reads the body): every member is
/// optional; null clears maxPerCustomer, salesOpenAt and salesCloseAt, and is refused for the others.
/// </summary>
public sealed record ProductPatchDocument(
    string? Name,
    decimal? Price,
    int? MaxPerCustomer,
    int? HoldSeconds,
    int? MaxHoldSeconds,
    DateTimeOffset? SalesOpenAt,
    DateTimeOffset? SalesCloseAt,
    bool? Paused);
