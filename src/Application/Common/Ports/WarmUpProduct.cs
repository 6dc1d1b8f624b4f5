using Reservations.Domain.Products;

namespace Reservations.Application.Common.Ports;

/// <summary>A product and the sum of its pending adjustments, read together: its total has them already, Redis gets
/// them when they are applied, so new gate state starts without them.</summary>
public sealed record WarmUpProduct(Product Product, int PendingDelta)
{
    public int GateAvailable => Product.Unsold - PendingDelta;
}
