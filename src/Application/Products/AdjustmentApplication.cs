namespace Reservations.Application.Products;

public sealed record AdjustmentApplication(AdjustmentOutcome Outcome, int Available);

public enum AdjustmentOutcome
{
    Applied,

    Refused,

    /// <summary>The product has no gate state yet: nothing changed, and the adjustment stays pending until it has.</summary>
    NoGateState,
}
