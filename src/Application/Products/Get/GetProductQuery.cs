using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Get;

public sealed record GetProductQuery(Guid ProductId) : IQuery<Result<ProductResponse>>;
