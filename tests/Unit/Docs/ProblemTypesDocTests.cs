using System.Text.RegularExpressions;
using Reservations.IntegrationTests.Fixtures;
using Reservations.WebApi.Problems;

namespace Reservations.UnitTests.Docs;

/// <summary>docs/problem-types.md lists exactly the codes of the catalog behind <c>/problems</c>, each with its status.</summary>
public partial class ProblemTypesDocTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "problem-types.md"));

    [Fact]
    public void EveryCodeOfTheCatalog_IsListedWithItsStatus()
    {
        var listed = Rows().ToDictionary(row => row.Code, row => row.Status);

        foreach (var type in ProblemCatalog.All)
        {
            listed.Should().ContainKey(type.Code);
            listed[type.Code].Should().Be(type.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "that of the response", type.Code);
        }
    }

    [Fact]
    public void EveryListedCode_IsInTheCatalog()
    {
        Rows().Should().NotBeEmpty();
        Rows().Select(row => row.Code).Should().OnlyContain(code => ProblemCatalog.Find(code) != null);
    }

    private static IEnumerable<(string Code, string Status)> Rows() =>
        CodeRow().Matches(Document).Select(match => (match.Groups["code"].Value, match.Groups["status"].Value.Trim()));

    [GeneratedRegex(@"^\| `(?<code>[a-z0-9-]+)` \| (?<status>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex CodeRow();
}
