namespace Reservations.Application.Products;

public sealed record AdjustmentApplication(AdjustmentOutcome Outcome, int Available);

public enum AdjustmentOutcome
{
    /// <summary>Available has the delta (now or by an earlier call).</summary>
    Applied,

    /// <summary>A removal of more than was available: available is unchanged, and stays so for this adjustment.</summary>
    Refused,

    /// <summary>The product has no gate state yet: nothing changed, and the adjustment stays pending until it has.</summary>
    NoGateState,
}
