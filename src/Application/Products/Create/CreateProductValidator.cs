using FluentValidation;
using Microsoft.Extensions.Options;
using Reservations.Application.Common;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.Create;

public sealed class CreateProductValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductValidator(IOptions<ReservationsOptions> options)
    {
        RuleFor(c => c.Sku).Must(Sku.IsValid)
            .WithMessage($"SKU must be 1–{Sku.MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
        RuleFor(c => c.Name).Must(Product.IsValidName)
            .WithMessage($"Name must be 1–{Product.NameMaxLength} characters, not blank, without NUL.");
        RuleFor(c => c.Price).Must(Money.IsValid)
            .WithMessage($"Price must be between 0 and {Money.MaxValue} with at most two decimals.");
        RuleFor(c => c.Stock).Must(Product.IsValidStock)
            .WithMessage($"Stock must be between 0 and {Product.MaxStock}.");
        RuleFor(c => c.MaxPerCustomer).Must(Product.IsValidLimit)
            .WithMessage($"Max per customer must be between 1 and {Product.MaxStock}, or absent for no limit.");
        RuleFor(c => c.HoldSeconds).Must(s => s is null || HoldDuration.IsValid(s.Value))
            .WithMessage($"Hold seconds must be between {HoldDuration.MinSeconds} and {HoldDuration.MaxSeconds}.");
        RuleFor(c => c.SalesOpenAt).Must(Product.IsValidSaleInstant).WithMessage(SaleInstantMessage("Sales open at"));
        RuleFor(c => c.SalesCloseAt).Must(Product.IsValidSaleInstant).WithMessage(SaleInstantMessage("Sales close at"));
        RuleFor(c => c.SalesCloseAt).Must((c, closesAt) => Product.ClosesAfterOpens(c.SalesOpenAt, closesAt))
            .WithMessage("Sales close at must be after sales open at.");
        RuleFor(c => c.SaleId).Must(s => s is null || Product.IsValidSaleId(s))
            .WithMessage($"Sale id must be 1–{Product.SaleIdMaxLength} letters, digits, '.', '_' or '-', or absent.");
        RuleFor(c => c.MaxHoldSeconds)
            .Must((c, max) => max is null || HoldDuration.IsValidMax(c.HoldSeconds ?? options.Value.DefaultHoldSeconds, max.Value))
            .WithMessage($"Max hold seconds must be at least the hold seconds and at most {HoldDuration.MaxSeconds}.");
    }

    private static string SaleInstantMessage(string field) =>
        $"{field} must be from {Product.EarliestSaleInstant:yyyy-MM-dd} to before {Product.LatestSaleInstant:yyyy-MM-dd}, with its offset.";
}
