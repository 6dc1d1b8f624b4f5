using FluentValidation;

namespace Reservations.Application.Common.Paging;

public interface IPagedQuery
{
    int Page { get; }

    int PageSize { get; }
}

public abstract class PagedQueryValidator<T> : AbstractValidator<T>
    where T : IPagedQuery
{
    protected PagedQueryValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, PageRequest.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}
