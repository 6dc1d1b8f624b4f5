using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.AdjustStock;

/// <summary>Adds units to a product's stock (negative: removes units that are available).</summary>
public sealed record AdjustStockCommand(Guid ProductId, int Delta) : ICommand<Result<ProductResponse>>;
