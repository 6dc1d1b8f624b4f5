using Mediator;
using Reservations.Application.Common.Paging;

namespace Reservations.Application.Payments.Problems;

public sealed class ListPaymentProblemsHandler(IPaymentStore store) : IQueryHandler<ListPaymentProblemsQuery, PagedResponse<PaymentProblem>>
{
    public async ValueTask<PagedResponse<PaymentProblem>> Handle(ListPaymentProblemsQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await store.ListProblemsAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedResponse<PaymentProblem>(items, query.Page, query.PageSize, total);
    }
}
