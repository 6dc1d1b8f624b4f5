using Reservations.Application.Common.Paging;

namespace Reservations.Application.Payments.Problems;

public sealed class ListPaymentProblemsValidator : PagedQueryValidator<ListPaymentProblemsQuery>;
