using FluentValidation;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Products.List;

public sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, PageRequest.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}
