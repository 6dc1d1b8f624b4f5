using FluentValidation;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.AdjustStock;

public sealed class AdjustStockValidator : AbstractValidator<AdjustStockCommand>
{
    public AdjustStockValidator()
    {
        RuleFor(c => c.Delta).NotEqual(0).InclusiveBetween(-Product.MaxStock, Product.MaxStock);
        RuleFor(c => c.Reason).Must(StockAdjustment.IsValidReason)
            .WithMessage($"Reason must be at most {StockAdjustment.ReasonMaxLength} characters, without control characters.");
    }
}
