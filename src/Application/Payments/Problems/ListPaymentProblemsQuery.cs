using Mediator;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Payments.Problems;

/// <summary>Payments that bought nothing and were refunded, newest first (admins).</summary>
public sealed record ListPaymentProblemsQuery(int Page = PageRequest.DefaultPage, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResponse<PaymentProblem>>, IPagedQuery;
