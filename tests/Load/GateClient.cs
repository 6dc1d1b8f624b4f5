using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Application.Products.Create;
using Reservations.Application.Webhooks;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Load;

/// <summary>
/// The Application's gate ports as the load tool calls them, resolved from the Infrastructure's public DI setup: the
/// one place in the tool that names them.
/// </summary>
public sealed class GateClient(IServiceProvider services)
{
    private readonly IHoldGate _holds = services.GetRequiredService<IHoldGate>();
    private readonly IStockGate _stock = services.GetRequiredService<IStockGate>();
    private readonly IHoldExpiry _expiry = services.GetRequiredService<IHoldExpiry>();
    private readonly IProductIds _productIds = services.GetRequiredService<IProductIds>();
    private readonly IGateEventSwitch _events = services.GetRequiredService<IGateEventSwitch>();

    /// <summary>A new product id; with a sale, one in the sale's shard, as the API draws it for a product of that sale.</summary>
    public Guid NewProductId(string? saleId) => _productIds.NewProductId(saleId, DateTimeOffset.UtcNow);

    public Task SwitchEventsOnAsync(IReadOnlySet<string> types, CancellationToken cancellationToken) =>
        _events.AddAsync(types, cancellationToken);

    public Task<bool> InitializeAsync(InventoryItem item, CancellationToken cancellationToken) =>
        _stock.InitializeAsync(item, cancellationToken);

    public Task<GateStock?> GetStockAsync(Guid productId, CancellationToken cancellationToken) =>
        _stock.GetStockAsync(productId, cancellationToken);

    public Task<Result<Hold>> ReserveAsync(ReserveRequest request, CancellationToken cancellationToken) =>
        _holds.ReserveAsync(request, cancellationToken);

    public Task<Result<Hold>> PurchaseAsync(Guid holdId, CustomerId customer, CancellationToken cancellationToken) =>
        _holds.PurchaseAsync(holdId, customer, cancellationToken);

    public Task<Result<Unit>> ReleaseAsync(Guid holdId, CustomerId customer, CancellationToken cancellationToken) =>
        _holds.ReleaseAsync(holdId, customer, cancellationToken);

    public Task<Hold?> FindAsync(Guid holdId, CancellationToken cancellationToken) => _holds.FindAsync(holdId, cancellationToken);

    /// <summary>Expires every overdue hold of every shard, as the Worker's sweep does.</summary>
    public async Task ExpireDueAsync(CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < _expiry.Shards; shard++)
        {
            await _expiry.ExpireDueAsync(shard, cancellationToken);
        }
    }
}
