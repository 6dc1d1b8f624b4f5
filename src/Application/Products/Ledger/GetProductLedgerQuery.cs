using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Ledger;

public sealed record GetProductLedgerQuery(Guid ProductId) : IQuery<Result<LedgerResponse>>;
