using FluentValidation;
using Reservations.Domain.Customers;
using Reservations.Domain.Products;
using Reservations.Domain.Reservations;

namespace Reservations.Application.Reservations.Reserve;

public sealed class ReserveItemValidator : AbstractValidator<ReserveItemCommand>
{
    public const int IdempotencyKeyMaxLength = 255;

    public ReserveItemValidator()
    {
        RuleFor(c => c.CustomerId).Must(CustomerId.IsValid);
        RuleFor(c => c.ProductId).NotEmpty();
        RuleFor(c => c.Quantity).InclusiveBetween(Quantity.MinValue, Quantity.MaxValue);
        RuleFor(c => c.HoldSeconds).InclusiveBetween(HoldDuration.MinSeconds, HoldDuration.MaxSeconds);
        RuleFor(c => c.IdempotencyKey)
            .Must(key => key is null || IsValidIdempotencyKey(key))
            .WithMessage($"Idempotency-Key must be 1–{IdempotencyKeyMaxLength} printable ASCII characters.")
            .OverridePropertyName("Idempotency-Key");
    }

    public static bool IsValidIdempotencyKey(string key) =>
        key.Length is > 0 and <= IdempotencyKeyMaxLength && key.All(c => c is >= ' ' and <= '~');
}
