using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Create;

public sealed record CreateProductCommand(
    string Sku,
    string Name,
    decimal Price,
    int Stock,
    int? MaxPerCustomer = null,
    int? HoldSeconds = null,
    int? MaxHoldSeconds = null,
    DateTimeOffset? SalesOpenAt = null,
    DateTimeOffset? SalesCloseAt = null,
    bool Paused = false,
    string? SaleId = null) : ICommand<Result<ProductResponse>>;
