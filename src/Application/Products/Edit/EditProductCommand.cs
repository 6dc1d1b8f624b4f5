using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Edit;

/// <summary>Changes a product's terms as <paramref name="Patch"/> says, audited with the admin who did it and an optional reason.</summary>
public sealed record EditProductCommand(Guid ProductId, string Actor, ProductPatch Patch, string? Reason = null)
    : ICommand<Result<ProductResponse>>;
