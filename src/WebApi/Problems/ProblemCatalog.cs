using System.Collections.Frozen;
using Reservations.WebApi.Problems.Types;

namespace Reservations.WebApi.Problems;

/// <summary>Every problem the API can answer, by code; a test fails when a code of the application has no entry here.</summary>
public static class ProblemCatalog
{
    public static IReadOnlyList<ProblemType> All { get; } =
    [
        .. HttpProblemTypes.All, .. HoldProblemTypes.All, .. ProductProblemTypes.All,
        .. PaymentProblemTypes.All, .. AdminProblemTypes.All,
    ];

    private static readonly FrozenDictionary<string, ProblemType> ByCode = All.ToFrozenDictionary(t => t.Code, StringComparer.Ordinal);

    public static ProblemType? Find(string code) => ByCode.GetValueOrDefault(code);
}
