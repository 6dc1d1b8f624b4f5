using Reservations.Application.Common.Ports;

namespace Reservations.Load.Sale.Gate;

/// <summary>
/// What a gate-only sale looked like once quiet: each product's units in the gate (null without gate state), and what
/// the simulator saw (units of the purchases that succeeded, per product). Nothing persists purchases here, so
/// purchased units stay purchasing.
/// </summary>
public sealed record GateObservation(
    string KeyPrefix,
    int StockPerProduct,
    IReadOnlyDictionary<Guid, GateStock?> Stocks,
    IReadOnlyDictionary<Guid, int> PurchasedUnits,
    int Purchases,
    int PurchasedHoldsNoLongerPurchased,
    int FailedCalls);
