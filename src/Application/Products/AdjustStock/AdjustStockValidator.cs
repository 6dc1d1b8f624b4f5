using FluentValidation;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.AdjustStock;

public sealed class AdjustStockValidator : AbstractValidator<AdjustStockCommand>
{
    public AdjustStockValidator()
    {
        RuleFor(c => c.Delta).NotEqual(0).InclusiveBetween(-Product.MaxStock, Product.MaxStock);
    }
}
