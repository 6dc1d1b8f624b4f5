using Reservations.Application.Products;

namespace Reservations.Load.Sale.Gate;

/// <summary>
/// What a gate-only sale looked like once quiet: each product's units in the gate (null without gate state), and what
/// the simulator saw (units of the purchases that succeeded, per product, every line of a cart counted). Nothing
/// persists purchases here, so purchased units stay purchasing. Not whole: purchased holds the gate reads back with
/// other lines than they were reserved with.
/// </summary>
public sealed record GateObservation(
    string KeyPrefix,
    int StockPerProduct,
    IReadOnlyDictionary<Guid, GateStock?> Stocks,
    IReadOnlyDictionary<Guid, int> PurchasedUnits,
    int Purchases,
    int PurchasedHoldsNoLongerPurchased,
    int PurchasedHoldsNotWhole,
    int FailedCalls);
