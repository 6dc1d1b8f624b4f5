using FluentValidation;
using Reservations.Application.Common.Paging;
using Reservations.Domain.Customers;

namespace Reservations.Application.Holds.List;

public sealed class ListHoldsValidator : PagedQueryValidator<ListHoldsQuery>
{
    public ListHoldsValidator()
    {
        RuleFor(q => q.CustomerId).Must(CustomerId.IsValid);
        RuleFor(q => q.ForCustomerId).Must(id => id is null || CustomerId.IsValid(id))
            .WithMessage($"customerId must be 1–{CustomerId.MaxLength} printable characters.")
            .OverridePropertyName("customerId");
        RuleFor(q => q.Status).Must(status => status is null || HoldStatusNames.TryParse(status, out _))
            .WithMessage($"status must be one of {string.Join(", ", HoldStatusNames.Names)}.")
            .OverridePropertyName("status");
    }
}
