using System.Globalization;

namespace Reservations.Load.Sale.Progress;

/// <summary>How many requests of one operation got each status.</summary>
public sealed record OperationOutcomes(string Operation, IReadOnlyList<(int Status, int Count)> Statuses)
{
    public string Describe() => string.Join(" ", Statuses.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Status}:{s.Count}")));
}
