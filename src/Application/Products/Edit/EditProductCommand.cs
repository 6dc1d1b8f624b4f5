using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Edit;

public sealed record EditProductCommand(Guid ProductId, string Actor, ProductPatch Patch, string? Reason = null)
    : ICommand<Result<ProductResponse>>;
