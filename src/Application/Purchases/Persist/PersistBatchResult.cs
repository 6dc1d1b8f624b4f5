namespace Reservations.Application.Purchases.Persist;

/// <summary>What PostgreSQL did with a batch: each purchase's outcome, in the batch's order, or the reason it refused
/// the batch for good (<see cref="Outcomes"/> is then empty).</summary>
public sealed record PersistBatchResult(IReadOnlyList<PersistOutcome> Outcomes, string? Refusal)
{
    public static PersistBatchResult Stored(IReadOnlyList<PersistOutcome> outcomes) => new(outcomes, null);

    public static PersistBatchResult Refused(string reason) => new([], reason);
}
