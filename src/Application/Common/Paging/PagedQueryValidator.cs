using FluentValidation;

namespace Reservations.Application.Common.Paging;

/// <summary>A query for one page of a list.</summary>
public interface IPagedQuery
{
    int Page { get; }

    int PageSize { get; }
}

/// <summary>The paging rules every list shares: <c>page</c> ≥ 1, <c>pageSize</c> 1–100.</summary>
public abstract class PagedQueryValidator<T> : AbstractValidator<T>
    where T : IPagedQuery
{
    protected PagedQueryValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, PageRequest.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}
