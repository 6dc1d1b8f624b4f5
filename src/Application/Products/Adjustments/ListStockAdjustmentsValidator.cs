using FluentValidation;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Products.Adjustments;

public sealed class ListStockAdjustmentsValidator : AbstractValidator<ListStockAdjustmentsQuery>
{
    public ListStockAdjustmentsValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, PageRequest.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}
