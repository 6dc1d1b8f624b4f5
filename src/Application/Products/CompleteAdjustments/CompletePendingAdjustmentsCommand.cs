using Mediator;

namespace Reservations.Application.Products.CompleteAdjustments;

/// <summary>Completes the stock adjustments left pending for longer than <paramref name="Grace"/> (a request that timed
/// out, an API that died between the steps), oldest first; how many it tried. One without gate state stays
/// pending.</summary>
public sealed record CompletePendingAdjustmentsCommand(TimeSpan Grace) : ICommand<int>
{
    public const int Batch = 100;
}
