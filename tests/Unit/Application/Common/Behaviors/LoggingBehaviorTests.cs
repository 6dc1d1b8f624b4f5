using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Behaviors;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Application.Products.Create;
using Reservations.Application.Products.List;

namespace Reservations.UnitTests.Application.Common.Behaviors;

public class LoggingBehaviorTests
{
    private static readonly CreateProductCommand Command = new("TICKET-1", "Concert ticket", 49.90m, 250);

    private static readonly Result<ProductResponse> Created =
        new ProductResponse(Guid.CreateVersion7(), "TICKET-1", "Concert ticket", 49.90m, 250, 250, null, 600, 1800, null, null, false, null);

    private static readonly Result<ProductResponse> Duplicate = ProductErrors.DuplicateSku;

    private readonly RecordingLogger<LoggingBehavior<CreateProductCommand, Result<ProductResponse>>> _logger = new(LogLevel.Debug);

    private int _nextCalls;

    [Fact]
    public async Task Handle_WhenNextSucceeds_ReturnsItsResponseAfterOneCall()
    {
        var response = await Handle(Created);

        response.Should().BeSameAs(Created);
        _nextCalls.Should().Be(1);
    }

    [Fact]
    public async Task Handle_WhenNextFails_ReturnsTheSameFailureAfterOneCall()
    {
        var response = await Handle(Duplicate);

        response.Should().BeSameAs(Duplicate);
        response.Error.Should().BeSameAs(ProductErrors.DuplicateSku);
        _nextCalls.Should().Be(1);
    }

    [Fact]
    public async Task Handle_WhenDebugEnabledAndResultFails_LogsUseCaseAndErrorCode()
    {
        await Handle(Duplicate);

        var entry = _logger.Entries.Should().ContainSingle().Subject;
        entry.Level.Should().Be(LogLevel.Debug);
        entry.Message.Should().Contain(nameof(CreateProductCommand)).And.Contain("duplicate-sku");
        entry.Properties.Should().Contain("UseCase", nameof(CreateProductCommand)).And.Contain("Outcome", "duplicate-sku");
    }

    [Fact]
    public async Task Handle_WhenDebugEnabledAndResultSucceeds_LogsOk()
    {
        await Handle(Created);

        _logger.Entries.Should().ContainSingle().Which.Properties.Should().Contain("Outcome", "ok");
    }

    [Fact]
    public async Task Handle_WhenResponseIsNotAResult_LogsOk()
    {
        var logger = new RecordingLogger<LoggingBehavior<ListProductsQuery, PagedResponse<ProductResponse>>>(LogLevel.Debug);
        var page = new PagedResponse<ProductResponse>([], 1, 20, 0);
        var behavior = new LoggingBehavior<ListProductsQuery, PagedResponse<ProductResponse>>(logger);

        var response = await behavior.Handle(new ListProductsQuery(), (_, _) => ValueTask.FromResult(page), TestContext.Current.CancellationToken);

        response.Should().BeSameAs(page);
        logger.Entries.Should().ContainSingle().Which.Message.Should().Contain(nameof(ListProductsQuery)).And.Contain("ok");
    }

    [Fact]
    public async Task Handle_WhenDebugDisabled_LogsNothing()
    {
        var logger = new RecordingLogger<LoggingBehavior<CreateProductCommand, Result<ProductResponse>>>(LogLevel.Information);
        var behavior = new LoggingBehavior<CreateProductCommand, Result<ProductResponse>>(logger);

        var response = await behavior.Handle(Command, (_, _) => ValueTask.FromResult(Duplicate), TestContext.Current.CancellationToken);

        response.Should().BeSameAs(Duplicate);
        logger.Entries.Should().BeEmpty();
    }

    private ValueTask<Result<ProductResponse>> Handle(Result<ProductResponse> outcome) =>
        new LoggingBehavior<CreateProductCommand, Result<ProductResponse>>(_logger).Handle(
            Command,
            (_, _) =>
            {
                _nextCalls++;
                return ValueTask.FromResult(outcome);
            },
            TestContext.Current.CancellationToken);
}
