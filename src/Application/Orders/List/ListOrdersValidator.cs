using Reservations.Application.Common.Paging;

namespace Reservations.Application.Orders.List;

public sealed class ListOrdersValidator : PagedQueryValidator<ListOrdersQuery>;
