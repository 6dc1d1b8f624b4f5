using Reservations.Application.Common.Paging;

namespace Reservations.Application.Products.List;

public sealed class ListProductsValidator : PagedQueryValidator<ListProductsQuery>;
