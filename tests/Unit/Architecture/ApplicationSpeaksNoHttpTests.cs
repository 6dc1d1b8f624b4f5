using System.Reflection;
using NetArchTest.Rules;
using Reservations.Application.Common.Results;

namespace Reservations.UnitTests.Architecture;

/// <summary>An application error says what kind of failure it is; the WebApi alone turns kinds into HTTP statuses.</summary>
public class ApplicationSpeaksNoHttpTests
{
    private static readonly Assembly Application = typeof(Reservations.Application.DependencyInjection).Assembly;

    [Fact]
    public void Application_ReferencesNoAspNetCore_NorAnHttpStatusType()
    {
        Application.GetReferencedAssemblies().Select(a => a.Name)
            .Should().NotContain(name => name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("System.Net.HttpStatusCode", "Microsoft.AspNetCore.Http.StatusCodes").GetResult();

        result.IsSuccessful.Should().BeTrue("these types name an HTTP status: {0}", string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Error_CarriesNoNumber_OnlyACodeAKindAndDetails()
    {
        var parameters = typeof(Error).GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType);
        var properties = typeof(Error).GetProperties().Select(p => p.PropertyType);

        parameters.Concat(properties).Distinct().Should().BeEquivalentTo(
            [typeof(string), typeof(ErrorKind), typeof(IReadOnlyDictionary<string, object?>)]);
    }
}
