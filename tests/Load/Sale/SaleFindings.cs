namespace Reservations.Load.Sale;

/// <summary>
/// What a sale found once quiet: what it observed (written to results.json), a sentence on what was sold, the
/// invariants checked, and those found broken.
/// </summary>
public sealed record SaleFindings(object Observation, string Sold, string Checked, IReadOnlyList<string> Violations);
