using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.RefreshTerms;

public sealed partial class RefreshProductTermsHandler(ICatalog catalog, IStockGate gate, ILogger<RefreshProductTermsHandler> logger)
    : ICommandHandler<RefreshProductTermsCommand, TermsRefresh>
{
    private const int Batch = PageRequest.MaxPageSize;

    public async ValueTask<TermsRefresh> Handle(RefreshProductTermsCommand command, CancellationToken cancellationToken)
    {
        var (written, failed, last) = (0, 0, (Product?)null);
        while (true)
        {
            var products = await catalog.ListUpdatedSinceAsync(command.UpdatedSince, last, Batch, cancellationToken);
            var outcomes = await Task.WhenAll(products.Select(p => WriteAsync(p, cancellationToken)));
            written += outcomes.Count(ok => ok);
            failed += outcomes.Count(ok => !ok);
            if (products.Count < Batch)
            {
                return new TermsRefresh(written, failed);
            }

            last = products[^1];
        }
    }

    // A shard that refuses (down, a corrupt catalog key) stops only its own products.
    private async Task<bool> WriteAsync(Product product, CancellationToken cancellationToken)
    {
        try
        {
            if (!await gate.WriteTermsAsync(product.ToInventoryItem(product.Unsold), cancellationToken))
            {
                // Usual when an edit raced this pass; every pass for a minute when PostgreSQL went back (a restore).
                LogOlderThanTheGates(logger, product.Id, product.TermsVersion);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWriteFailed(logger, e, product.Id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The gate has later terms of product {ProductId} than version {Version}: kept (after restoring PostgreSQL from a backup, see docs/decisions/013)")]
    private static partial void LogOlderThanTheGates(ILogger logger, Guid productId, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the gate's terms of product {ProductId} failed; the next pass tries again")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, Guid productId);
}
