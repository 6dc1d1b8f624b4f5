using Reservations.Application.Common.Paging;

namespace Reservations.Application.Purchases.List;

public sealed class ListPurchasesValidator : PagedQueryValidator<ListPurchasesQuery>;
