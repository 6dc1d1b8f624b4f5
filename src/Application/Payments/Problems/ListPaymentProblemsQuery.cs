using Mediator;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Payments.Problems;

public sealed record ListPaymentProblemsQuery(int Page = PageRequest.DefaultPage, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResponse<PaymentProblem>>, IPagedQuery;
