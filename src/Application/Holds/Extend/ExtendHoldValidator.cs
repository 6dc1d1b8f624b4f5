using FluentValidation;
using Reservations.Application.Holds.Reserve;
using Reservations.Domain.Customers;
using Reservations.Domain.Products;

namespace Reservations.Application.Holds.Extend;

public sealed class ExtendHoldValidator : AbstractValidator<ExtendHoldCommand>
{
    public ExtendHoldValidator()
    {
        RuleFor(c => c.CustomerId).Must(CustomerId.IsValid);
        RuleFor(c => c.Seconds).InclusiveBetween(HoldDuration.MinSeconds, HoldDuration.MaxSeconds);
        RuleFor(c => c.IdempotencyKey)
            .Must(key => key is null || ReserveItemValidator.IsValidIdempotencyKey(key))
            .WithMessage($"Idempotency-Key must be 1–{ReserveItemValidator.IdempotencyKeyMaxLength} printable ASCII characters.")
            .OverridePropertyName("Idempotency-Key");
    }
}
