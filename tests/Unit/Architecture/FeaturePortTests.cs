using System.Reflection;
using NetArchTest.Rules;
using Reservations.Application.Holds;

namespace Reservations.UnitTests.Architecture;

/// <summary>
/// A feature is a top folder of src/Application (Products, Holds, …), and its ports are the interfaces declared
/// in it; the ports several features need are in Common (Common/Ports).
/// </summary>
public class FeaturePortTests
{
    private const string Root = "Reservations.Application.";
    private static readonly Assembly Application = typeof(Reservations.Application.DependencyInjection).Assembly;

    private static readonly string[] FeatureNames =
        [.. Application.GetTypes().Select(FeatureOf).OfType<string>().Where(f => f != "Common").Distinct().Order()];

    public static TheoryData<string> Features => [.. FeatureNames];

    public static TheoryData<string> CommonPorts =>
        [.. Application.GetTypes().Where(t => t.IsInterface && t.Namespace == Root + "Common.Ports").Select(t => t.FullName!)];

    /// <summary>Handlers, and the helpers they hand a port to (<c>StockAdjustmentCompletion</c>), alike.</summary>
    [Theory]
    [MemberData(nameof(Features))]
    public void TypesOfAFeature_DependOnNoInterfaceDeclaredInAnotherFeature_OnlyOnTheirOwnFeaturesOrCommon(string feature)
    {
        var types = Types.InAssembly(Application).That().ResideInNamespaceMatching(NamespaceOf(feature));
        types.GetTypes().Should().Contain(t => t.Name.EndsWith("Handler", StringComparison.Ordinal));

        var result = types.ShouldNot().HaveDependencyOnAny(PortsOutside(feature)).GetResult();

        result.IsSuccessful.Should().BeTrue(
            "{0} takes its own feature's ports or Common's, but these take another feature's: {1}",
            feature, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(CommonPorts))]
    public void APortInCommon_IsUsedByMoreThanOneFeature_ElseItLivesWithTheFeatureThatUsesIt(string port)
    {
        var users = FeatureNames.Where(feature => Types.InAssembly(Application).That()
            .ResideInNamespaceMatching(NamespaceOf(feature)).And().HaveDependencyOn(port).GetTypes().Any());

        users.Should().HaveCountGreaterThan(1, "{0} is in Common", port);
    }

    [Fact]
    public void Common_DependsOnNoFeaturesPort()
    {
        var result = Types.InAssembly(Application).That().ResideInNamespaceMatching(NamespaceOf("Common"))
            .ShouldNot().HaveDependencyOnAny(PortsOutside("Common")).GetResult();

        result.IsSuccessful.Should().BeTrue("Common is below the features: {0}", string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Rule_WhenAProductsHandlerTakesAHoldsPort_Fails()
    {
        var result = Types.InAssembly(typeof(FeaturePortTests).Assembly).That()
            .HaveName(nameof(ProductsHandlerTakingAHoldsPort))
            .ShouldNot().HaveDependencyOnAny(PortsOutside("Products")).GetResult();

        result.IsSuccessful.Should().BeFalse();
    }

    private static string[] PortsOutside(string feature) =>
        [.. Application.GetTypes().Where(t => t.IsInterface && FeatureOf(t) is { } owner && owner != feature && owner != "Common")
            .Select(t => t.FullName!)];

    private static string? FeatureOf(Type type) =>
        type.Namespace is { } ns && ns.StartsWith(Root, StringComparison.Ordinal) ? ns[Root.Length..].Split('.')[0] : null;

    private static string NamespaceOf(string feature) => $@"^{Root.Replace(".", @"\.", StringComparison.Ordinal)}{feature}(\.|$)";

    private sealed class ProductsHandlerTakingAHoldsPort(IHoldExpiry expiry)
    {
        public int Shards => expiry.Shards;
    }
}
