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
    int? MaxHoldSeconds = null) : ICommand<Result<ProductResponse>>;
