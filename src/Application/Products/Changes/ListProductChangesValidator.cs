using Reservations.Application.Common.Paging;

namespace Reservations.Application.Products.Changes;

public sealed class ListProductChangesValidator : PagedQueryValidator<ListProductChangesQuery>;
