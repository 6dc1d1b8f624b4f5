using Reservations.Application.Common.Paging;

namespace Reservations.Application.Products.Adjustments;

public sealed class ListStockAdjustmentsValidator : PagedQueryValidator<ListStockAdjustmentsQuery>;
