namespace Reservations.Application.Products;

public sealed record ProductResponse(
    Guid Id,
    string Sku,
    string Name,
    decimal Price,
    int TotalStock,
    int Available,
    int? MaxPerCustomer,
    int HoldSeconds,
    int MaxHoldSeconds,
    DateTimeOffset? SalesOpenAt,
    DateTimeOffset? SalesCloseAt,
    bool Paused,
    string? SaleId);
