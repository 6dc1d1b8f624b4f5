using System.Reflection;
using NetArchTest.Rules;

namespace Reservations.UnitTests.Architecture;

public class LayerTests
{
    private static readonly Assembly Domain = typeof(Reservations.Domain.Products.Product).Assembly;
    private static readonly Assembly Application = typeof(Reservations.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Reservations.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly WebApi = typeof(Reservations.WebApi.DependencyInjection).Assembly;
    private static readonly Assembly Worker = typeof(Reservations.Worker.DependencyInjection).Assembly;
    private static readonly Assembly ServiceDefaults = typeof(Reservations.ServiceDefaults.Extensions).Assembly;

    [Fact]
    public void Domain_DependsOnNoOtherLayer() =>
        ShouldNotDependOn(Domain, "Reservations.Application", "Reservations.Infrastructure", "Reservations.ServiceDefaults",
            "Reservations.WebApi", "Reservations.Worker");

    [Fact]
    public void Domain_DependsOnNoPackage() =>
        ShouldNotDependOn(Domain, "FluentValidation", "Mediator", "Mapster", "Microsoft.EntityFrameworkCore", "StackExchange.Redis",
            "Npgsql", "Microsoft.Extensions", "Microsoft.AspNetCore");

    [Fact]
    public void Application_DependsOnNoAdapterOrHost() =>
        ShouldNotDependOn(Application, "Reservations.Infrastructure", "Reservations.ServiceDefaults", "Reservations.WebApi",
            "Reservations.Worker", "Microsoft.EntityFrameworkCore", "StackExchange.Redis", "Npgsql", "Microsoft.AspNetCore",
            "OpenTelemetry", "Serilog");

    [Fact]
    public void Infrastructure_DependsOnNoHost() => ShouldNotDependOn(Infrastructure, "Reservations.WebApi", "Reservations.Worker");

    /// <summary>The adapters leave logging and telemetry to the hosts' shared setup (<c>AddServiceDefaults</c>).</summary>
    [Fact]
    public void Infrastructure_DependsOnNoHostSetup() =>
        ShouldNotDependOn(Infrastructure, "Reservations.ServiceDefaults", "OpenTelemetry", "Serilog", "Microsoft.AspNetCore");

    /// <summary>The hosts' shared setup knows the service's telemetry names, not its adapters or its hosts.</summary>
    [Fact]
    public void ServiceDefaults_DependsOnNoAdapterOrHost() =>
        ShouldNotDependOn(ServiceDefaults, "Reservations.Infrastructure", "Reservations.WebApi", "Reservations.Worker",
            "Microsoft.EntityFrameworkCore", "StackExchange.Redis", "Microsoft.AspNetCore");

    [Fact]
    public void WebApi_DoesNotDependOnWorker() => ShouldNotDependOn(WebApi, "Reservations.Worker");

    [Fact]
    public void Worker_DoesNotDependOnWebApi() => ShouldNotDependOn(Worker, "Reservations.WebApi");

    private static void ShouldNotDependOn(Assembly assembly, params string[] namespaces)
    {
        Types.InAssembly(assembly).GetTypes().Should().NotBeEmpty();

        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(namespaces).GetResult();

        result.IsSuccessful.Should().BeTrue(
            "{0} must not depend on {1}, but these types do: {2}",
            assembly.GetName().Name, string.Join(", ", namespaces), string.Join(", ", result.FailingTypeNames ?? []));
    }
}
