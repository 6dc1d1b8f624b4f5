using FluentValidation;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Orders.List;

public sealed class ListOrdersValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, PageRequest.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}
