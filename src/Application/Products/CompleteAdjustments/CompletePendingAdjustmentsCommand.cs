using Mediator;

namespace Reservations.Application.Products.CompleteAdjustments;

/// <summary>For adjustments pending longer than <paramref name="Grace"/> (a request that timed out, an API that died
/// between the steps), oldest first; answers how many it tried.</summary>
public sealed record CompletePendingAdjustmentsCommand(TimeSpan Grace) : ICommand<int>
{
    public const int Batch = 100;
}
