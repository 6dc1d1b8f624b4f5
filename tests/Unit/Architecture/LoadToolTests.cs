using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;
using Reservations.Infrastructure.Persistence;

namespace Reservations.UnitTests.Architecture;

/// <summary>
/// The load tool drives the service only through what production code uses too (the Application's ports from the
/// public DI setup), so no production type is shaped, or opened, for the tool's sake.
/// </summary>
public class LoadToolTests
{
    private static readonly Assembly Load = typeof(Reservations.Load.GateHost).Assembly;
    private static readonly Assembly Infrastructure = typeof(Reservations.Infrastructure.DependencyInjection).Assembly;

    private static readonly Assembly[] Src =
    [
        typeof(Reservations.Domain.Products.Product).Assembly,
        typeof(Reservations.Application.DependencyInjection).Assembly,
        Infrastructure,
        typeof(Reservations.ServiceDefaults.Extensions).Assembly,
        typeof(Reservations.WebApi.DependencyInjection).Assembly,
        typeof(Reservations.Worker.DependencyInjection).Assembly,
    ];

    // The entry points the hosts call as well: the Infrastructure's DI setup and the migration at start.
    private static readonly Type[] EntryPoints = [typeof(Reservations.Infrastructure.DependencyInjection), typeof(DatabaseMigrator)];

    [Fact]
    public void Grants_AreReadFromTheAssemblies() =>
        GrantedTo(Infrastructure).Should().Contain("Reservations.UnitTests");

    [Fact]
    public void NoSrcAssembly_GrantsInternalsVisibleToTheLoadTool() =>
        Src.Where(assembly => GrantedTo(assembly).Contains(Load.GetName().Name)).Select(assembly => assembly.GetName().Name)
            .Should().BeEmpty("the load tool must measure the code as production runs it, through public ports");

    [Fact]
    public void LoadTool_ReachesTheGateThroughTheInfrastructuresDiSetup() =>
        Types.InAssembly(Load).That().HaveDependencyOn(EntryPoints[0].FullName).GetTypes().Should().NotBeEmpty();

    [Fact]
    public void LoadTool_NamesNoInfrastructureTypeButTheEntryPointsTheHostsCall()
    {
        // The compiler's own types (collection expressions, <PrivateImplementationDetails>) have no namespace, and their
        // names recur in every assembly.
        var adapterTypes = Infrastructure.GetTypes().Where(type => type.Namespace is not null).Except(EntryPoints)
            .Select(type => type.FullName!).ToArray();

        var result = Types.InAssembly(Load).ShouldNot().HaveDependencyOnAny(adapterTypes).GetResult();

        result.IsSuccessful.Should().BeTrue("these load tool types name Infrastructure internals: {0}",
            string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static string?[] GrantedTo(Assembly assembly) =>
        [.. assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(grant => grant.AssemblyName.Split(',')[0].Trim())];
}
