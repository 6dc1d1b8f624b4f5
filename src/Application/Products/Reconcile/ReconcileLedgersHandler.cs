using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products.Ledger;

namespace Reservations.Application.Products.Reconcile;

public sealed partial class ReconcileLedgersHandler(
    ICatalog catalog, ISender sender, TimeProvider clock, ILogger<ReconcileLedgersHandler> logger)
    : ICommandHandler<ReconcileLedgersCommand, IReadOnlyList<Guid>>
{
    // Between a purchase's COMMIT and its finalize script the units count in both sold and purchasing: a product is
    // reported only when it is still out of balance a moment later.
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    public async ValueTask<IReadOnlyList<Guid>> Handle(ReconcileLedgersCommand command, CancellationToken cancellationToken)
    {
        var suspects = new List<Guid>();
        for (var page = PageRequest.DefaultPage; ; page++)
        {
            var (products, _) = await catalog.ListAsync(page, PageRequest.MaxPageSize, cancellationToken);
            foreach (var product in products)
            {
                if (await LedgerAsync(product.Id, cancellationToken) is { Balanced: false })
                {
                    suspects.Add(product.Id);
                }
            }

            if (products.Count < PageRequest.MaxPageSize)
            {
                break;
            }
        }

        if (suspects.Count > 0)
        {
            await Task.Delay(Recheck, clock, cancellationToken);
        }

        var unbalanced = new List<Guid>();
        foreach (var id in suspects)
        {
            if (await LedgerAsync(id, cancellationToken) is { Balanced: false } ledger)
            {
                unbalanced.Add(id);
                ReservationsMetrics.LedgerImbalances.Add(1);
                LogUnbalanced(logger, id, ledger.TotalStock, ledger.Available, ledger.Held, ledger.Purchasing, ledger.Sold);
            }
        }

        return unbalanced;
    }

    private async Task<LedgerResponse?> LedgerAsync(Guid productId, CancellationToken cancellationToken)
    {
        var ledger = await sender.Send(new GetProductLedgerQuery(productId), cancellationToken);
        return ledger.IsSuccess ? ledger.Value : null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message =
        "Ledger of product {ProductId} does not balance: total {Total} ≠ available {Available} + held {Held} + purchasing {Purchasing} + sold {Sold}")]
    private static partial void LogUnbalanced(ILogger logger, Guid productId, int total, int available, int held, int purchasing, int sold);
}
