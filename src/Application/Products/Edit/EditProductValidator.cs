using FluentValidation;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.Edit;

/// <summary>Each field on its own; how they fit together and with the product's other terms, the handler checks.</summary>
public sealed class EditProductValidator : AbstractValidator<EditProductCommand>
{
    public EditProductValidator()
    {
        When(c => c.Patch.Name.IsPresent, () => RuleFor(c => c.Patch.Name.Value).Must(Product.IsValidName).OverridePropertyName("name")
            .WithMessage($"Name must be 1–{Product.NameMaxLength} characters, not blank, without NUL, and not null."));
        When(c => c.Patch.Price.IsPresent, () => RuleFor(c => c.Patch.Price.Value)
            .Must(p => p is { } price && Money.IsValid(price)).OverridePropertyName("price")
            .WithMessage($"Price must be between 0 and {Money.MaxValue} with at most two decimals, and not null."));
        When(c => c.Patch.MaxPerCustomer.IsPresent, () => RuleFor(c => c.Patch.MaxPerCustomer.Value)
            .Must(Product.IsValidLimit).OverridePropertyName("maxPerCustomer")
            .WithMessage($"Max per customer must be between 1 and {Product.MaxStock}, or null for no limit."));
        When(c => c.Patch.HoldSeconds.IsPresent, () => RuleFor(c => c.Patch.HoldSeconds.Value)
            .Must(IsHoldLength).OverridePropertyName("holdSeconds").WithMessage(HoldLengthMessage("Hold seconds")));
        When(c => c.Patch.MaxHoldSeconds.IsPresent, () => RuleFor(c => c.Patch.MaxHoldSeconds.Value)
            .Must(IsHoldLength).OverridePropertyName("maxHoldSeconds").WithMessage(HoldLengthMessage("Max hold seconds")));
        When(c => c.Patch.SalesOpenAt.IsPresent, () => RuleFor(c => c.Patch.SalesOpenAt.Value)
            .Must(Product.IsValidSaleInstant).OverridePropertyName("salesOpenAt").WithMessage(SaleInstantMessage("Sales open at")));
        When(c => c.Patch.SalesCloseAt.IsPresent, () => RuleFor(c => c.Patch.SalesCloseAt.Value)
            .Must(Product.IsValidSaleInstant).OverridePropertyName("salesCloseAt").WithMessage(SaleInstantMessage("Sales close at")));
        When(c => c.Patch.Paused.IsPresent, () => RuleFor(c => c.Patch.Paused.Value).NotNull().OverridePropertyName("paused")
            .WithMessage("Paused must be true or false, not null."));
        RuleFor(c => c.Reason).Must(StockAdjustment.IsValidReason)
            .WithMessage($"Reason must be at most {ProductChange.ReasonMaxLength} characters, without control characters.");
    }

    private static bool IsHoldLength(int? seconds) => seconds is { } s && HoldDuration.IsValid(s);

    private static string SaleInstantMessage(string field) =>
        $"{field} must be from {Product.EarliestSaleInstant:yyyy-MM-dd} to before {Product.LatestSaleInstant:yyyy-MM-dd}, or null.";

    private static string HoldLengthMessage(string field) =>
        $"{field} must be between {HoldDuration.MinSeconds} and {HoldDuration.MaxSeconds}, and not null.";
}
