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
        RuleFor(c => c.IdempotencyKey)
            .Must(key => key is null || StockAdjustment.IsValidIdempotencyKey(key))
            .WithMessage($"Idempotency-Key must be 1–{StockAdjustment.IdempotencyKeyMaxLength} printable ASCII characters.")
            .OverridePropertyName("Idempotency-Key");
        RuleFor(c => c.ExpectedTotalStock).InclusiveBetween(0, Product.MaxStock);
    }
}
