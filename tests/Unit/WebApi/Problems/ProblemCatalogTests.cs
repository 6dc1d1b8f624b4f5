using System.Reflection;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;
using Reservations.WebApi.Problems;

namespace Reservations.UnitTests.WebApi.Problems;

/// <summary>The catalog behind <c>/problems/{code}</c> names exactly the codes the API can answer: a new code needs a page.</summary>
public class ProblemCatalogTests
{
    private const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Assembly Application = typeof(HoldErrors).Assembly;
    private static readonly Assembly WebApi = typeof(ProblemCodes).Assembly;

    [Fact]
    public void EveryErrorOfTheApplicationAndTheApi_HasAnEntryWithTheStatusOfItsKind()
    {
        var errors = ErrorFields(Application).Concat(ErrorFactories(Application)).Concat(ErrorFields(WebApi)).ToList();
        errors.Select(e => e.Code).Should().Contain(["out-of-stock", "sale-not-open", "too-many-streams"], "the reflection finds them");

        foreach (var error in errors)
        {
            var type = ProblemCatalog.Find(error.Code);
            type.Should().NotBeNull($"`{error.Code}` can be answered, so it needs a page");
            type!.Status.Should().Be(ErrorStatuses.Of(error.Kind), error.Code);
        }
    }

    [Fact]
    public void EveryCodeOfProblemCodes_HasAnEntry()
    {
        var codes = ProblemCodeConstants().Concat(FrameworkCodes()).ToList();

        codes.Should().Contain(["validation", "internal-error", "rate-limited", "error"]);
        codes.Should().OnlyContain(code => ProblemCatalog.Find(code) != null);
    }

    [Fact]
    public void EveryEntry_IsACodeTheApiCanAnswer_OnceWithACauseAndAnAction()
    {
        var answerable = ErrorFields(Application).Concat(ErrorFactories(Application)).Concat(ErrorFields(WebApi))
            .Select(e => e.Code).Concat(ProblemCodeConstants()).Concat(FrameworkCodes()).ToHashSet();

        ProblemCatalog.All.Select(t => t.Code).Should().OnlyHaveUniqueItems().And.BeSubsetOf(answerable);
        ProblemCatalog.All.Should().OnlyContain(t => t.Cause.Length > 40 && t.Action.Length > 10);
    }

    // Static Error fields of any type (the *Errors classes, StreamAdmission in WebApi).
    private static IEnumerable<Error> ErrorFields(Assembly assembly) => assembly.GetTypes()
        .Where(t => !t.ContainsGenericParameters)
        .SelectMany(t => t.GetFields(Static))
        .Where(f => f.FieldType == typeof(Error))
        .Select(f => (Error)f.GetValue(null)!);

    // The factories of the *Errors classes, called with default arguments: their code does not depend on them.
    private static IEnumerable<Error> ErrorFactories(Assembly assembly) => assembly.GetTypes()
        .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Errors", StringComparison.Ordinal))
        .SelectMany(t => t.GetMethods(Static))
        .Where(m => m.ReturnType == typeof(Error))
        .Select(m => (Error)m.Invoke(null, [.. m.GetParameters().Select(p => DefaultOf(p.ParameterType))])!);

    private static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    private static IEnumerable<string> ProblemCodeConstants() => typeof(ProblemCodes).GetFields(Static)
        .Where(f => f is { IsLiteral: true } && f.Name != nameof(ProblemCodes.TypePrefix))
        .Select(f => (string)f.GetRawConstantValue()!);

    // Every status a framework component can answer an error with.
    private static IEnumerable<string> FrameworkCodes() => Enumerable.Range(400, 200).Select(ProblemCodes.ForStatus).Distinct();
}
