using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Application.Products.Edit;
using Reservations.Domain.Products;
using Reservations.UnitTests.Application.Common;

namespace Reservations.UnitTests.Application.Products.Edit;

public class EditProductHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IStockGate _gate = Substitute.For<IStockGate>();
    private readonly IFailureClassifier _failures = Substitute.For<IFailureClassifier>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Product _product = TestProducts.Create(holdSeconds: 300);
    private readonly EditProductHandler _handler;
    private Result<ProductChange?>? _recorded;

    public EditProductHandlerTests()
    {
        // The catalog runs the edit on the product as it is under its row lock, and keeps what the edit answers.
        _catalog.EditAsync(_product.Id, Arg.Any<Func<Product, Result<ProductChange?>>>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                _recorded = call.Arg<Func<Product, Result<ProductChange?>>>()(_product);
                return _recorded.IsSuccess ? Result<Product>.Success(_product) : _recorded.Error!;
            });
        _catalog.FindAsync(_product.Id, Arg.Any<CancellationToken>()).Returns(_product);
        _gate.GetAvailableAsync(Arg.Any<IReadOnlyCollection<Guid>>(), Arg.Any<CancellationToken>())
            .Returns(new Dictionary<Guid, int> { [_product.Id] = 7 });
        _handler = new EditProductHandler(_catalog, _gate, _failures, new FixedTimeProvider(Now));
    }

    [Fact]
    public async Task Handle_WhenTheEditChangesFields_RecordsWhoChangedWhat_WritesTheGatesTerms_AndAnswersTheProduct()
    {
        var result = await _handler.Handle(Command(new ProductPatch { Paused = PatchValue<bool?>.Of(true) }, "pause"), _ct);

        result.Value.Should().BeEquivalentTo(new { Paused = true, Available = 7 });
        _recorded!.Value.Should().BeEquivalentTo(new
        {
            ProductId = _product.Id, Actor = "carol", Reason = "pause", At = Now, Changes = """{"paused":{"before":false,"after":true}}""",
        });
        await _gate.Received(1).WriteTermsAsync(Arg.Is<InventoryItem>(i => i.ProductId == _product.Id && i.Paused), _ct);
    }

    [Fact]
    public async Task Handle_WhenNothingChanges_RecordsNothing()
    {
        await _handler.Handle(Command(new ProductPatch { Paused = PatchValue<bool?>.Of(false) }), _ct);

        _recorded!.IsSuccess.Should().BeTrue();
        _recorded.Value.Should().BeNull();
    }

    [Fact]
    public async Task Handle_WhenHoldSecondsRiseAboveTheProductsCap_IsInvalidNamingBoth_AndNeitherStoreChanges()
    {
        var result = await _handler.Handle(Command(new ProductPatch { HoldSeconds = PatchValue<int?>.Of(901) }), _ct);

        result.Error!.Should().BeEquivalentTo(new { Code = "validation", Kind = ErrorKind.Invalid });
        ((IReadOnlyDictionary<string, string[]>)result.Error!.Extensions!["errors"]!).Keys.Should().BeEquivalentTo("holdSeconds", "maxHoldSeconds");
        _product.HoldSeconds.Should().Be(300);
        await _gate.DidNotReceive().WriteTermsAsync(Arg.Any<InventoryItem>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenHoldSecondsAndTheirCapRiseTogether_TakesBoth()
    {
        var result = await _handler.Handle(
            Command(new ProductPatch { HoldSeconds = PatchValue<int?>.Of(1200), MaxHoldSeconds = PatchValue<int?>.Of(3600) }), _ct);

        result.Value.Should().BeEquivalentTo(new { HoldSeconds = 1200, MaxHoldSeconds = 3600 });
    }

    [Fact]
    public async Task Handle_WhenTheSaleWouldCloseBeforeTheProductOpens_IsInvalidNamingBoth()
    {
        _product.Edit(_product.Terms with { SalesOpenAt = Now.AddDays(1) }, Now);

        var result = await _handler.Handle(Command(new ProductPatch { SalesCloseAt = PatchValue<DateTimeOffset?>.Of(Now) }), _ct);

        result.Error!.Kind.Should().Be(ErrorKind.Invalid);
        ((IReadOnlyDictionary<string, string[]>)result.Error!.Extensions!["errors"]!).Keys.Should().BeEquivalentTo("salesOpenAt", "salesCloseAt");
        _product.SalesCloseAt.Should().BeNull();
    }

    [Fact]
    public async Task Handle_WhenTheProductIsUnknown_IsProductNotFound()
    {
        var unknown = Guid.CreateVersion7();
        _catalog.EditAsync(unknown, Arg.Any<Func<Product, Result<ProductChange?>>>(), Arg.Any<CancellationToken>())
            .Returns(Result<Product>.Failure(ProductErrors.NotFound));

        var result = await _handler.Handle(new EditProductCommand(unknown, "carol", new ProductPatch()), _ct);

        result.Error.Should().Be(ProductErrors.NotFound);
    }

    [Fact]
    public async Task Handle_WhenRedisFailsAfterTheCommit_IsChangePending()
    {
        var unreachable = new TimeoutException("redis");
        _gate.WriteTermsAsync(Arg.Any<InventoryItem>(), Arg.Any<CancellationToken>()).ThrowsAsync(unreachable);
        _failures.IsTransient(unreachable).Returns(true);

        var result = await _handler.Handle(Command(new ProductPatch { Paused = PatchValue<bool?>.Of(true) }), _ct);

        result.Error.Should().Be(ProductErrors.ChangePending);
        _recorded!.Value.Should().NotBeNull();
    }

    private EditProductCommand Command(ProductPatch patch, string? reason = null) => new(_product.Id, "carol", patch, reason);
}
