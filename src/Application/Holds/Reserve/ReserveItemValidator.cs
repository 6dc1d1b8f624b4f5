using FluentValidation;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Domain.Products;

namespace Reservations.Application.Holds.Reserve;

public sealed class ReserveItemValidator : AbstractValidator<ReserveItemCommand>
{
    public const int IdempotencyKeyMaxLength = 255;

    public ReserveItemValidator()
    {
        RuleFor(c => c.CustomerId).Must(CustomerId.IsValid);
        When(c => c.Items is null, () =>
        {
            RuleFor(c => c.ProductId).NotNull().NotEqual(Guid.Empty);
            RuleFor(c => c.Quantity).NotNull().InclusiveBetween(Quantity.MinValue, Quantity.MaxValue);
        }).Otherwise(() =>
        {
            RuleFor(c => c.ProductId).Null().WithMessage("Give productId and quantity, or items, not both.");
            RuleFor(c => c.Quantity).Null().WithMessage("Give productId and quantity, or items, not both.");
            RuleFor(c => c.Items!).Cascade(CascadeMode.Stop)
                .Must(items => items.All(item => item is not null)).WithMessage("An item may not be null.")
                .Must(items => items.Count is >= 1 and <= Hold.MaxLines)
                .WithMessage($"A reserve holds 1–{Hold.MaxLines} items.")
                .Must(items => items.Select(item => item.ProductId).Distinct().Count() == items.Count)
                .WithMessage("Each product may appear once in a reserve.");
            RuleForEach(c => c.Items).ChildRules(item =>
            {
                item.RuleFor(i => i.ProductId).NotEmpty();
                item.RuleFor(i => i.Quantity).InclusiveBetween(Quantity.MinValue, Quantity.MaxValue);
            });
        });
        RuleFor(c => c.HoldSeconds).InclusiveBetween(HoldDuration.MinSeconds, HoldDuration.MaxSeconds);
        RuleFor(c => c.IdempotencyKey)
            .Must(key => key is null || IsValidIdempotencyKey(key))
            .WithMessage($"Idempotency-Key must be 1–{IdempotencyKeyMaxLength} printable ASCII characters.")
            .OverridePropertyName("Idempotency-Key");
    }

    public static bool IsValidIdempotencyKey(string key) =>
        key.Length is > 0 and <= IdempotencyKeyMaxLength && key.All(c => c is >= ' ' and <= '~');
}
