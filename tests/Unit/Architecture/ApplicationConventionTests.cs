using NetArchTest.Rules;
using Reservations.Application.Products.Create;
using Reservations.Application.Products.Get;
using Reservations.Application.Products.List;
using Reservations.Application.Products.WarmUp;

namespace Reservations.UnitTests.Architecture;

public class ApplicationConventionTests
{
    private static PredicateList UseCaseTypes => Types.InAssembly(typeof(Reservations.Application.DependencyInjection).Assembly)
        .That().ResideInNamespaceStartingWith("Reservations.Application")
        .And().AreClasses()
        .And().HaveNameMatching("(Handler|Validator|Command|Query)$");

    [Fact]
    public void UseCaseTypes_AreSelectedByTheRule() =>
        UseCaseTypes.GetTypes().Should().Contain([
            typeof(CreateProductCommand), typeof(CreateProductHandler), typeof(CreateProductValidator), typeof(GetProductQuery),
            typeof(ListProductsValidator), typeof(WarmUpInventoryHandler),
        ]);

    [Fact]
    public void UseCaseTypes_ArePublic()
    {
        var result = UseCaseTypes.Should().BePublic().GetResult();

        result.IsSuccessful.Should().BeTrue("these are not public: {0}", string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void UseCaseTypes_AreSealed()
    {
        var result = UseCaseTypes.Should().BeSealed().GetResult();

        result.IsSuccessful.Should().BeTrue("these are not sealed: {0}", string.Join(", ", result.FailingTypeNames ?? []));
    }
}
